import type { AuditTargets, PlatformVerification, VerifyPlatformOptions } from '@santunan/audit';
import {
  calendarDay,
  chainSummary,
  endOfDayWib,
  isPlausibleId,
  todayInJakarta,
} from './audit-explorer';
import { REVEAL_GRANT_MS, grantFor, withGrant } from './reveal-grants';
import { VerifyJobs } from './verify-jobs';

const targets: AuditTargets = {
  services: [
    { service: 'claims', databaseUrl: 'postgres://x/claims', topic: 'claims.events' },
    { service: 'payouts', databaseUrl: 'postgres://x/payouts', topic: 'payouts.events' },
  ],
  keysDatabaseUrl: null,
  kafkaBrokers: ['127.0.0.1:9092'],
};

/** A verification the test drives step by step. */
function controllableVerify() {
  let finish: (result: PlatformVerification) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  let options: VerifyPlatformOptions = {};
  let calls = 0;
  const verify = (_targets: AuditTargets, given: VerifyPlatformOptions) => {
    calls += 1;
    options = given;
    return new Promise<PlatformVerification>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return {
    verify,
    step: (...args: Parameters<NonNullable<VerifyPlatformOptions['onStep']>>) =>
      options.onStep?.(...args),
    finish: (result: PlatformVerification) => finish(result),
    fail: (error: Error) => fail(error),
    calls: () => calls,
  };
}

describe('verify jobs', () => {
  it('keeps each store’s progress and the topics read, then the result', async () => {
    const run = controllableVerify();
    const jobs = new VerifyJobs(targets, run.verify);
    const job = jobs.start('auditor-sari', new Date('2026-03-01T01:00:00Z'));
    expect(job).toMatchObject({
      status: 'running',
      startedBy: 'auditor-sari',
      startedAt: '2026-03-01T01:00:00.000Z',
      fraction: 0,
      stores: [
        { service: 'claims', status: 'waiting' },
        { service: 'payouts', status: 'waiting' },
      ],
    });
    run.step({ kind: 'store-started', service: 'claims' });
    expect(jobs.find(job.jobId)?.stores[0]?.status).toBe('verifying');
    run.step({
      kind: 'store-verified',
      service: 'claims',
      eventsVerified: 120,
      streamsVerified: 7,
      problems: 0,
    });
    run.step({
      kind: 'store-verified',
      service: 'payouts',
      eventsVerified: 30,
      streamsVerified: 3,
      problems: 1,
    });
    run.step({ kind: 'topics-read', read: 75, total: 150 });
    const midway = jobs.find(job.jobId);
    expect(midway?.stores[0]).toEqual({
      service: 'claims',
      status: 'verified',
      eventsVerified: 120,
      streamsVerified: 7,
      problems: 0,
    });
    expect(midway?.topics).toEqual({ read: 75, total: 150 });
    expect(midway?.fraction).toBeCloseTo(2.5 / 3);

    const result: PlatformVerification = { stores: [], topics: [], notes: [], ok: false };
    run.finish(result);
    await jobs.idle();
    expect(jobs.find(job.jobId)).toMatchObject({ status: 'done', fraction: 1, result });
    expect(jobs.find(job.jobId)?.finishedAt).not.toBeNull();
  });

  it('joins a running verification instead of starting a second, and starts anew after it', async () => {
    const run = controllableVerify();
    const jobs = new VerifyJobs(targets, run.verify);
    const first = jobs.start('auditor-sari');
    expect(jobs.start('auditor-tono').jobId).toBe(first.jobId);
    expect(run.calls()).toBe(1);
    run.fail(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    await jobs.idle();
    expect(jobs.find(first.jobId)).toMatchObject({
      status: 'failed',
      error: 'connect ECONNREFUSED 127.0.0.1:5432',
      result: null,
    });
    expect(jobs.start('auditor-tono').jobId).not.toBe(first.jobId);
    expect(run.calls()).toBe(2);
    expect(jobs.find('no-such-job')).toBeNull();
  });
});

describe('reveal grants', () => {
  const now = Date.parse('2026-03-01T01:00:00Z');

  it('open one participant for a short while, and only that participant', () => {
    const grants = withGrant(undefined, 'p-1', 'reveal-1', now);
    expect(grantFor(grants, 'p-1', now + 1000)).toEqual({
      revealId: 'reveal-1',
      expiresAt: now + REVEAL_GRANT_MS,
    });
    expect(grantFor(grants, 'p-2', now)).toBeNull();
    expect(grantFor(grants, 'p-1', now + REVEAL_GRANT_MS)).toBeNull();
  });

  it('drop expired grants when another is added', () => {
    const old = withGrant(undefined, 'p-1', 'reveal-1', now);
    const later = withGrant(old, 'p-2', 'reveal-2', now + REVEAL_GRANT_MS + 1);
    expect(Object.keys(later)).toEqual(['p-2']);
  });
});

describe('the explorer’s inputs and summaries', () => {
  it('takes only real calendar days', () => {
    expect(calendarDay('2026-02-28')).toBe('2026-02-28');
    expect(calendarDay('2026-02-30')).toBeNull();
    expect(calendarDay('2026-2-3')).toBeNull();
    expect(calendarDay(undefined)).toBeNull();
    expect(calendarDay(['2026-02-28'])).toBeNull();
  });

  it('reads a day to its last instant in WIB, and knows today in Jakarta', () => {
    expect(Date.parse(endOfDayWib('2026-03-15'))).toBe(Date.parse('2026-03-15T16:59:59.999Z'));
    // 18:00 UTC is already the next day in Jakarta.
    expect(todayInJakarta(new Date('2026-03-15T18:00:00Z'))).toBe('2026-03-16');
  });

  it('looks up only ids shaped like the services’ ids', () => {
    expect(isPlausibleId('3f2a1c9e-0b7d-4e55-9a51-7d7c1b2a0f11')).toBe(true);
    expect(isPlausibleId('bp-3f2a:heir_h-widow')).toBe(true);
    expect(isPlausibleId('<script>')).toBe(false);
    expect(isPlausibleId('')).toBe(false);
    expect(isPlausibleId('a'.repeat(201))).toBe(false);
  });

  it('counts an event once, and every event that does not hash or link as broken', () => {
    const step = (eventId: string, hashVerified: boolean, chainLinked: boolean | null) =>
      ({ eventId, hashVerified, chainLinked }) as Parameters<typeof chainSummary>[0][number];
    const summary = chainSummary([
      step('a', true, true),
      step('a', true, true),
      step('b', true, null),
      step('c', false, true),
      step('d', true, false),
    ]);
    expect(summary.events).toBe(4);
    expect(summary.verified).toBe(2);
    expect(summary.broken.map((broken) => broken.eventId)).toEqual(['c', 'd']);
  });
});
