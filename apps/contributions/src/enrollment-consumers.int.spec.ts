import { randomUUID } from 'node:crypto';
import {
  deadLetterTopic,
  ProjectionRunner,
  type IncomingMessage,
  type Subscription,
} from '@santunan/platform';
import { eventually, rehashed, testMessaging, uniqueName } from '@santunan/testing';
import {
  deathRecorded,
  foreignEnvelope,
  participantDeceased,
  participantRegistered,
} from './testing/enrollment-envelopes';
import { CoverageViewProjection } from './coverage-view/coverage-view.projection';
import { ProgramReportProjection } from './program-report/program-report.projection';
import { startContributionsApp, type ContributionsTestApp } from './testing/contributions-test-app';

const PROGRAM = {
  programId: 'kab-kupang-2026',
  name: 'Bantuan iuran Kabupaten Kupang 2026',
  sponsorType: 'regency',
  pksNumber: 'PKS/5301/2025/3',
  budget: 3 * 16_800 * 12,
  firstMonth: '2026-01',
  lastMonth: '2026-12',
};

describe('consumers of enrollment.events and claims.events', () => {
  let t: ContributionsTestApp;
  let deadLetters: Subscription;
  const dead: IncomingMessage[] = [];
  const [sponsoredA, sponsoredB, selfPayer, unknownProgram, invalid] = Array.from(
    { length: 5 },
    () => randomUUID(),
  ) as [string, string, string, string, string];
  const admin = () => t.bearer(['admin']);
  const coverage = (participantId: string) =>
    t.http().get(`/participants/${participantId}/coverage`).set('Authorization', admin());
  const report = async (): Promise<Record<string, unknown>> =>
    (
      await t
        .http()
        .get(`/programs/${PROGRAM.programId}/report`)
        .set('Authorization', admin())
        .expect(200)
    ).body as Record<string, unknown>;
  const eventsOf = (streamId: string) =>
    t.services.runtime.database.query<{ type: string }>(
      'select type from events where stream_id = $1 order by version',
      [streamId],
    );

  beforeAll(async () => {
    t = await startContributionsApp({ label: 'consumers', now: '2026-01-03T02:00:00Z' });
    deadLetters = await testMessaging('contributions-dlq').subscribe({
      groupId: uniqueName('int.contributions.dlq-reader'),
      topics: [deadLetterTopic(t.config.enrollmentTopic)],
      fromBeginning: true,
      handle: async (message) => void dead.push(message),
    });
    await t.http().post('/programs').set('Authorization', admin()).send(PROGRAM).expect(201);
  });

  afterAll(async () => {
    await deadLetters?.stop();
    await t?.stop();
  });

  it('opens accounts and enrols sponsored registrations once, however often they come', async () => {
    const registrationB = participantRegistered({
      participantId: sponsoredB,
      membership: { kind: 'sponsored', programId: PROGRAM.programId },
    });
    await t.publishEnrollment(
      participantRegistered({
        participantId: sponsoredA,
        membership: { kind: 'sponsored', programId: PROGRAM.programId },
      }),
      registrationB,
      // The relay's duplicate (same event id), then a replay under a new id.
      registrationB,
      rehashed({ ...registrationB, eventId: randomUUID() }),
      participantRegistered({ participantId: selfPayer, membership: { kind: 'self-paying' } }),
    );
    await eventually(async () => {
      expect(await report()).toMatchObject({ enrolled: 2, committed: 2 * 201_600 });
      for (const participantId of [sponsoredA, sponsoredB]) {
        const view = (await coverage(participantId).expect(200)).body;
        expect(view).toMatchObject({
          currentMembership: { kind: 'sponsored', programId: PROGRAM.programId },
          dues: [{ month: '2026-01', payer: { kind: 'program' }, status: 'unpaid' }],
        });
      }
    });
    expect((await eventsOf(`contribution-account-${sponsoredB}`)).map((e) => e.type)).toEqual([
      'ContributionAccountOpened',
      'SponsorshipStarted',
      'ContributionBilled',
    ]);
    const [inbox] = await t.services.runtime.database.query<{ count: string }>(
      `select count(*) from inbox where event_id = $1`,
      [registrationB.eventId],
    );
    expect(inbox).toEqual({ count: '1' });
  });

  it('dead-letters an invalid payload at once, and a refused registration after its retries', async () => {
    await t.publishEnrollment(
      participantRegistered({
        participantId: unknownProgram,
        membership: { kind: 'sponsored', programId: 'no-such-program' },
      }),
      foreignEnvelope(
        'ParticipantRegistered',
        { participantId: invalid, occupation: 'nelayan', declaredIncome: 'a lot' },
        `participant-${invalid}`,
      ),
    );
    await eventually(() => expect(dead).toHaveLength(2));
    const byReason = Object.fromEntries(
      dead.map((message) => [message.headers['dlq-reason-code'], message.headers['dlq-error']]),
    );
    // Checked against the published schema of ParticipantRegistered v1: every wrong field named.
    for (const field of [
      'declaredIncome (type)',
      'incomeEffectiveFrom (required)',
      'membership (required)',
    ])
      expect(byReason['PAYLOAD_INVALID']).toContain(field);
    expect(byReason['HANDLER_FAILED']).toContain('PROGRAM_NOT_FOUND');
    // The refusal rolled the whole registration back: no account without its sponsorship.
    await coverage(unknownProgram).expect(404);
  });

  it('records an income change for later months', async () => {
    await t.publishEnrollment(
      foreignEnvelope(
        'DeclaredIncomeChanged',
        {
          participantId: selfPayer,
          declaredIncome: 2_500_000,
          previousIncome: 1_000_000,
          effectiveFrom: '2026-03',
        },
        `participant-${selfPayer}`,
        2,
      ),
    );
    await eventually(async () =>
      expect((await eventsOf(`contribution-account-${selfPayer}`)).map((e) => e.type)).toContain(
        'DeclaredIncomeRecorded',
      ),
    );
  });

  it('stops billing at a death, refunds later months to whoever paid them, and frees the sponsor’s budget', async () => {
    await t
      .http()
      .post(`/participants/${selfPayer}/self-payments`)
      .set('Authorization', t.bearer(['finance']))
      .send({
        paymentReference: 'VA-SELF-12',
        firstMonth: '2026-01',
        months: 12,
        // January and February at 1,000,000; March onwards at 2,500,000 (1% JKK = 25,000).
        amount: 2 * 16_800 + 10 * 31_800,
        paidAt: '2026-01-03T09:00:00+07:00',
        paidOn: '2026-01-03',
      })
      .expect(200);
    for (const month of ['2026-01', '2026-02', '2026-03']) {
      await t
        .http()
        .post(`/programs/${PROGRAM.programId}/payments`)
        .set('Authorization', t.bearer(['finance']))
        .send({
          month,
          paymentReference: `SP2D-KUPANG-${month}`,
          amount: 2 * 16_800,
          paidAt: '2026-01-03T10:00:00+08:00',
          paidOn: '2026-01-03',
        })
        .expect(200);
    }
    await eventually(async () =>
      expect((await coverage(sponsoredA).expect(200)).body).toMatchObject({
        paidThrough: '2026-03',
      }),
    );

    t.clock.set('2026-02-20T02:00:00Z');
    // Enrollment and claims both report the self-payer's death; claims alone reports A's.
    await t.publishEnrollment(participantDeceased(selfPayer, '2026-02-10'));
    await t.publishClaims(
      deathRecorded(selfPayer, '2026-02-10'),
      deathRecorded(sponsoredA, '2026-02-11'),
    );

    await eventually(async () => {
      const self = (await coverage(selfPayer).expect(200)).body;
      expect(self).toMatchObject({
        dateOfDeath: '2026-02-10',
        paidThrough: '2026-02',
        masaIurMonths: 2,
      });
      expect(self.refunds).toHaveLength(10);
      expect(self.refunds[0]).toMatchObject({
        month: '2026-03',
        payer: { kind: 'self' },
        amount: 31_800,
      });
      const sponsored = (await coverage(sponsoredA).expect(200)).body;
      expect(sponsored).toMatchObject({
        dateOfDeath: '2026-02-11',
        paidThrough: '2026-02',
        refunds: [
          {
            month: '2026-03',
            payer: { kind: 'program', programId: PROGRAM.programId },
            amount: 16_800,
            paymentReference: 'SP2D-KUPANG-2026-03',
          },
        ],
      });
      expect(await report()).toMatchObject({
        enrolled: 1,
        sponsorshipsEnded: 1,
        committed: 201_600 + 2 * 16_800,
        refunded: 16_800,
        refundedByMonth: { '2026-03': 16_800 },
        received: 3 * 2 * 16_800,
        remainingBudget: PROGRAM.budget - 3 * 2 * 16_800 + 16_800,
      });
    });
    const selfEvents = (await eventsOf(`contribution-account-${selfPayer}`)).map((e) => e.type);
    expect(selfEvents.filter((type) => type === 'ContributionAccountClosed')).toHaveLength(1);
    expect(selfEvents.filter((type) => type === 'RefundDue')).toHaveLength(1);
  });

  it('rebuilds its read models from the events to exactly what they were live', async () => {
    const { runtime } = t.services;
    const projections = [new CoverageViewProjection(runtime.store), new ProgramReportProjection()];
    for (const projection of projections) await runtime.catchUp(projection);
    const readModels = async () => ({
      coverage: await runtime.database.query('select * from coverage_view order by participant_id'),
      reports: await runtime.database.query('select * from program_report order by program_id'),
      statements: await runtime.database.query(
        'select * from sponsor_statements order by program_id, month',
      ),
      payments: await runtime.database.query(
        'select * from sponsor_payments order by program_id, payment_reference',
      ),
    });
    const live = await readModels();
    expect(live.coverage.length).toBeGreaterThanOrEqual(3);
    const runner = new ProjectionRunner({
      database: runtime.database,
      store: runtime.store,
      projections,
    });
    for (const projection of projections) await runner.rebuild(projection);
    expect(await readModels()).toEqual(live);
  });
});
