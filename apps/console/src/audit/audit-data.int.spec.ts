// The auditor's pages' data side against a real history: the four services (test/support's
// platform harness) take a JKM death from enrollment to a scheduled payout; the console's
// audit explorer, verify jobs and reveal log then read the four stores, topics, the key
// database and the console's own database.
import { Client, Pool } from 'pg';
import {
  auditTargets,
  NotFoundError,
  verifyPlatform,
  type AuditTargets,
  type PlatformVerification,
} from '@santunan/audit';
import { PlatformDatabase, ServiceRuntime } from '@santunan/platform';
import { createTestDatabase, eventually, type TestDatabase } from '@santunan/testing';
import { auditConnectionsOf } from '../../../../test/support/audit-connections';
import {
  PATIENCE,
  approvedJkmDeath,
  claimsOfficer,
  supervisor,
  type ApprovedDeath,
} from '../../../../test/support/jkm-death-flow';
import {
  SERVICE_NAMES,
  startSantunanPlatform,
  type SantunanPlatform,
} from '../../../../test/support/santunan-platform';
import { AuditExplorer, todayInJakarta } from './audit-explorer';
import { RevealLog } from './reveal-log';
import { VerifyJobs } from './verify-jobs';

const MASKED = '[personal data: masked]';

describe('the console reads the audit trail: explain, as-of, verify, reveals', () => {
  let platform: SantunanPlatform;
  let claimsProbe: PlatformDatabase;
  let consoleDb: TestDatabase;
  let targets: AuditTargets;
  let explorer: AuditExplorer;
  let reveals: RevealLog;
  let consolePool: Pool;
  let death: ApprovedDeath;
  let payoutId: string;

  beforeAll(async () => {
    [platform, consoleDb] = await Promise.all([
      startSantunanPlatform({ label: 'console_audit' }),
      createTestDatabase('console_audit_console'),
    ]);
    claimsProbe = await new PlatformDatabase({
      url: platform.databases.claims,
      poolSize: 1,
    }).open();
    targets = auditTargets(auditConnectionsOf(platform), {});
    explorer = new AuditExplorer(targets);
    consolePool = new Pool({ connectionString: consoleDb.url, max: 2 });
    reveals = await RevealLog.prepare(consolePool);
    death = await approvedJkmDeath(platform, claimsProbe, {
      nik: '5371012003850002',
      fullName: 'Markus Ndolu',
      birthDate: '1985-03-20',
      sex: 'male',
      widow: { fullName: 'Agustina Ndolu', birthDate: '1987-06-11' },
      account: { bankCode: 'BNI', accountNumber: '0099887766' },
    });
    // Payouts schedules the payout from claims.events on its own.
    payoutId = await eventually(async () => {
      const view = await explorer.explain('claim', death.claimId, () => false);
      expect(view.explanation.payouts).toHaveLength(1);
      return view.explanation.payouts[0]?.payoutId ?? '';
    }, PATIENCE);
    for (const service of SERVICE_NAMES) {
      await platform.apps[service].get(ServiceRuntime).waitUntilPublished(20_000);
    }
  }, 240_000);

  afterAll(async () => {
    await consolePool?.end();
    await claimsProbe?.close();
    await Promise.allSettled([platform?.stop(), consoleDb?.drop()]);
  });

  it('explains a payout back to the decision, the contribution paid and the enrollment, masked', async () => {
    const view = await explorer.explain('payout', payoutId, () => false);
    expect(view).toMatchObject({
      claimId: death.claimId,
      participantId: death.participantId,
      revealed: false,
    });
    const { explanation } = view;
    expect(explanation.decision).toMatchObject({
      decisionId: death.decisionId,
      claimId: death.claimId,
      total: death.total,
      approval: { makerId: claimsOfficer.id, checkerId: supervisor.id },
    });
    expect(explanation.decision?.components.length).toBeGreaterThan(0);
    expect(explanation.contributions.map((paid) => [paid.month, paid.paymentReference])).toEqual([
      [death.month, death.paymentReference],
    ]);
    expect(explanation.participant?.details['fullName']).toBe(MASKED);
    expect(explanation.participant?.events.map((step) => step.type)).toContain(
      'ParticipantRegistered',
    );
    // Every event shown hashes to itself and links to the one before it.
    expect(view.chain.broken).toEqual([]);
    expect(view.chain.verified).toBe(view.chain.events);
    expect(view.chain.events).toBeGreaterThanOrEqual(10);
    expect(explanation.claimEvents.every((step) => step.chainLinked === true)).toBe(true);
  });

  it('opens the personal data only for the participant this auditor revealed', async () => {
    const other = await explorer.explain('payout', payoutId, (id) => id === 'someone-else');
    expect(other.revealed).toBe(false);
    const opened = await explorer.explain('payout', payoutId, (id) => id === death.participantId);
    expect(opened.revealed).toBe(true);
    expect(opened.explanation.participant?.details).toMatchObject({
      fullName: 'Markus Ndolu',
      nik: '5371012003850002',
    });
    expect(opened.explanation.payouts[0]?.beneficiary['fullName']).toBe('Agustina Ndolu');
  });

  it('explains a claim with its payout, and says when an id is unknown', async () => {
    const view = await explorer.explain('claim', death.claimId, () => false);
    expect(view.explanation.payouts.map((payout) => payout.payoutId)).toEqual([payoutId]);
    expect(view.participantId).toBe(death.participantId);
    await expect(explorer.explain('payout', 'no-such-payout', () => false)).rejects.toThrow(
      NotFoundError,
    );
  });

  it('shows the participant as known at a date, masked or revealed', async () => {
    const today = todayInJakarta(new Date(platform.clock.now()));
    const masked = await explorer.participantAsOf(death.participantId, today, false);
    expect(masked.revealed).toBe(false);
    expect(masked.view.state).toMatchObject({
      details: { fullName: MASKED },
      coverage: { paidMonths: [death.month] },
    });
    expect(masked.claimIds).toEqual([death.claimId]);
    expect(masked.chain.broken).toEqual([]);
    const revealed = await explorer.participantAsOf(death.participantId, today, true);
    expect(revealed.revealed).toBe(true);
    expect(revealed.view.state).toMatchObject({ details: { fullName: 'Markus Ndolu' } });
    const before = await explorer.participantAsOf(death.participantId, '2001-01-01', false);
    expect(before.view.known).toEqual([]);
    expect(before.claimIds).toEqual([]);
  });

  it('records each reveal with who, whom, when and why, and never lets one be changed', async () => {
    const first = await reveals.record({
      auditorId: 'auditor-sari',
      auditorName: 'Sari Auditor',
      participantId: death.participantId,
      reason: '  Pemeriksaan BPK 2026: sampel klaim JKM  ',
    });
    expect(first).toMatchObject({
      auditorId: 'auditor-sari',
      participantId: death.participantId,
      reason: 'Pemeriksaan BPK 2026: sampel klaim JKM',
    });
    await reveals.record({
      auditorId: 'auditor-tono',
      auditorName: 'Tono',
      participantId: death.participantId,
      reason: 'second look',
    });
    const logged = await reveals.ofParticipant(death.participantId);
    expect(logged.map((reveal) => reveal.auditorId)).toEqual(['auditor-tono', 'auditor-sari']);
    await expect(reveals.record({ ...first, reason: '   ' })).rejects.toThrow(/reason/);

    const client = new Client({ connectionString: consoleDb.url });
    await client.connect();
    try {
      await expect(client.query('delete from audit_reveals')).rejects.toThrow(/append-only/);
      await expect(client.query("update audit_reveals set reason = 'x'")).rejects.toThrow(
        /append-only/,
      );
      // The table's check holds for whoever inserts, not only through the console's code.
      await expect(
        client.query(
          "insert into audit_reveals values (gen_random_uuid(), 'a', 'a', 'p', ' ', now())",
        ),
      ).rejects.toThrow(/check/);
    } finally {
      await client.end();
    }
    // Opening again (another console process starting) keeps the log.
    const again = await RevealLog.prepare(consolePool);
    expect(await again.ofParticipant(death.participantId)).toHaveLength(2);
  });

  it('verifies the four stores and topics in the background, with progress, one run at a time', async () => {
    const jobs = new VerifyJobs(targets, verifyPlatform);
    const job = jobs.start('auditor-sari');
    expect(job.status).toBe('running');
    expect(jobs.start('auditor-tono').jobId).toBe(job.jobId);
    await jobs.idle();
    const done = jobs.find(job.jobId);
    expect(done).toMatchObject({ status: 'done', fraction: 1, error: null });
    expect(done?.result?.ok).toBe(true);
    expect(done?.stores.map((store) => [store.service, store.status])).toEqual(
      SERVICE_NAMES.map((service) => [service, 'verified']),
    );
    for (const store of done?.stores ?? []) expect(store.eventsVerified).toBeGreaterThan(0);
    expect(done?.topics?.read).toBe(done?.topics?.total);
    expect(jobs.start('auditor-sari').jobId).not.toBe(job.jobId);
    await jobs.idle();
  });

  // Last: it alters the claims store.
  it('shows an event edited in PostgreSQL as a break, in verify and on the explanation', async () => {
    const client = new Client({ connectionString: platform.databases.claims });
    await client.connect();
    try {
      await client.query(
        `update events set data = jsonb_set(data, '{total}', '99000000')
          where stream_id = $1 and type = 'ClaimApproved'`,
        [`claim-${death.claimId}`],
      );
    } finally {
      await client.end();
    }
    const jobs = new VerifyJobs(targets, verifyPlatform);
    const job = jobs.start('auditor-sari');
    await jobs.idle();
    const result = jobs.find(job.jobId)?.result as PlatformVerification;
    expect(result.ok).toBe(false);
    expect(result.stores.find((store) => store.service === 'claims')?.problems).toEqual([
      expect.objectContaining({ kind: 'altered', streamId: `claim-${death.claimId}` }),
    ]);
    const view = await explorer.explain('claim', death.claimId, () => false);
    expect(view.chain.broken.map((step) => step.type)).toEqual(['ClaimApproved']);
  });
});
