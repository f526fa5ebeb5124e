import type { DailyReport, DecisionCheckReport } from '@santunan/payouts-domain';
import type { MessagePublisher } from '@santunan/platform';
import { eventually, testMessaging } from '@santunan/testing';
import { benefitPayoutId } from './shared/payout-ids';
import { freshIds, jkmDeathApproved, jkmDeathToTwoHeirs } from './testing/claim-decisions';
import { ClaimsPublisher } from './testing/claims-publisher';
import { participantRegistered } from './testing/enrollment-events';
import {
  createPayoutsTestWorld,
  startPayoutsApp,
  type PayoutsApp,
  type PayoutsTestWorld,
} from './testing/payouts-test-app';
import { reportSettlement, settlementReport } from './testing/settlement-reports';
import { TopicRecorder } from './testing/topic-recorder';

const VALUE_DATE = '2026-03-20';

describe('reconciliation: daily totals per program and kabupaten/kota, decided against settled', () => {
  let world: PayoutsTestWorld;
  let claims: ClaimsPublisher;
  let payouts: PayoutsApp;
  let published: TopicRecorder;
  let publisher: MessagePublisher;

  // Participant A is registered in Kota Kupang (5371), sponsored by the NTT program; B is not known.
  const a = freshIds();
  const b = freshIds();
  const aPayout = benefitPayoutId(a.decisionId, 'heir:h-widow');
  const bWidow = benefitPayoutId(b.decisionId, 'heir:h-widow');
  const bSon = benefitPayoutId(b.decisionId, 'heir:h-son');

  beforeAll(async () => {
    world = await createPayoutsTestWorld('recon');
    const messaging = testMessaging('payouts-int-recon');
    [claims, payouts, published, publisher] = await Promise.all([
      ClaimsPublisher.start(world.claimsService, world.config.claimsTopic),
      startPayoutsApp(world.config),
      TopicRecorder.start(messaging, world.config.eventsTopic),
      messaging.createPublisher(),
    ]);
  });

  afterAll(async () => {
    await Promise.all([published?.stop(), payouts?.close(), claims?.stop(), publisher?.close()]);
    await world?.drop();
  });

  const finance = () => payouts.as('fin-1', 'finance');
  const auditor = () => payouts.as('aud-1', 'auditor');

  async function settle(
    payoutId: string,
    batchId: string,
    amount: number,
    outcome: 'settled' | 'failed',
  ): Promise<void> {
    const report = settlementReport({
      payoutId,
      batchId,
      amount,
      outcome,
      valueDate: VALUE_DATE,
      ...(outcome === 'failed'
        ? { reasonCode: 'INVALID_ACCOUNT', reason: 'Nomor rekening tidak dikenal' }
        : {}),
    });
    await reportSettlement(publisher, world.config.settlementsTopic, report);
  }

  it('reports a day’s movements per program, kabupaten/kota and sponsor, the unknown regency apart', async () => {
    await publisher.publish(world.config.enrollmentTopic, [
      await participantRegistered(payouts.runtime.cipher, a.participantId, '5371', 'ntt-2026'),
    ]);
    await eventually(async () => {
      const rows = await payouts.runtime.database.query(
        'select 1 from participant_regions where participant_id = $1',
        [a.participantId],
      );
      expect(rows).toHaveLength(1);
    });
    for (const decision of [jkmDeathApproved(a), jkmDeathToTwoHeirs(b)]) {
      await claims.publish('ClaimApproved', decision, `claim-${decision.claimId}`);
    }
    await eventually(async () => {
      const rows = await payouts.runtime.database.query('select 1 from payout_orders');
      expect(rows).toHaveLength(3);
    });
    const batch = await finance()
      .post('/payout-batches', { payoutIds: [aPayout, bWidow, bSon] })
      .expect(201);
    expect(batch.body).toMatchObject({ total: 84_000_000 });
    const batchId = batch.body.batchId as string;
    await finance().post(`/payout-batches/${batchId}/instructed`, {}).expect(200);
    await settle(aPayout, batchId, 42_000_000, 'settled');
    await settle(bSon, batchId, 10_000_000, 'settled');
    await settle(bWidow, batchId, 32_000_000, 'failed');
    await eventually(async () => {
      const statuses = await payouts.runtime.database.query<{ status: string }>(
        'select status from payout_view where payout_id = any($1) order by status',
        [[aPayout, bSon, bWidow]],
      );
      expect(statuses.map((row) => row.status)).toEqual(['failed', 'settled', 'settled']);
    });

    const none = { count: 0, amount: 0 };
    // The report reads a projection: it may trail the settlements by a moment.
    await eventually(async () => {
      const daily = (await auditor().get(`/reconciliation/daily?date=${VALUE_DATE}`).expect(200))
        .body as DailyReport;
      expect(daily.rows).toEqual([
        {
          program: 'jkm',
          payoutKind: 'benefit',
          regencyCode: '5371',
          sponsorProgramId: 'ntt-2026',
          scheduled: none,
          instructed: none,
          settled: { count: 1, amount: 42_000_000 },
          failed: none,
          returned: none,
          cancelled: none,
        },
        {
          program: 'jkm',
          payoutKind: 'benefit',
          regencyCode: 'unknown',
          sponsorProgramId: null,
          scheduled: none,
          instructed: none,
          settled: { count: 1, amount: 10_000_000 },
          failed: { count: 1, amount: 32_000_000 },
          returned: none,
          cancelled: none,
        },
      ]);
      expect(daily.unknownRegencyMovements).toBe(2);
    });

    const today = payouts.runtime.clock.today();
    await eventually(async () => {
      const scheduledToday = (
        await finance().get(`/reconciliation/daily?date=${today}`).expect(200)
      ).body as DailyReport;
      expect(scheduledToday.totals).toMatchObject({
        scheduled: { count: 3, amount: 84_000_000 },
        instructed: { count: 3, amount: 84_000_000 },
      });
    });
    await payouts
      .as('sup-1', 'claims-supervisor')
      .get(`/reconciliation/daily?date=${today}`)
      .expect(403);
    await finance().get('/reconciliation/daily?date=20-03-2026').expect(400);
  });

  it('checks every decision’s settled payouts against its decided amount and lists the mismatches', async () => {
    const check = async () =>
      (await finance().get('/reconciliation/decisions').expect(200)).body as DecisionCheckReport;
    // A projection again: wait until it has seen the settlements.
    const before = await eventually(async () => {
      const report = await check();
      expect(report).toMatchObject({
        decisionsChecked: 2,
        settledInFull: 1,
        inProgress: 1,
        mismatches: [],
      });
      return report;
    });
    expect(before.decisions.find((d) => d.decisionId === a.decisionId)).toMatchObject({
      status: 'settled-in-full',
      decidedAmount: 42_000_000,
      settledAmount: 42_000_000,
      difference: 0,
    });
    expect(before.decisions.find((d) => d.decisionId === b.decisionId)).toMatchObject({
      status: 'in-progress',
      settledAmount: 10_000_000,
      openAmount: 32_000_000,
    });

    // Finance gives up on the failed payout: the decision is now short, and listed.
    await finance()
      .post(`/payouts/${bWidow}/cancellation`, {
        reason: 'returned-to-fund',
        note: 'Ahli waris tidak dapat dihubungi',
      })
      .expect(200);
    await eventually(async () =>
      expect((await check()).mismatches).toEqual([
        expect.objectContaining({
          decisionId: b.decisionId,
          status: 'short',
          decidedAmount: 42_000_000,
          settledAmount: 10_000_000,
          openAmount: 0,
          difference: -32_000_000,
        }),
      ]),
    );
  });

  it('publishes only events that validate against the published JSON Schemas', async () => {
    await payouts.runtime.waitUntilPublished(180_000);
    await eventually(() => expect(published.events('PayoutCancelled')).toHaveLength(1));
    expect(published.schemaViolations()).toEqual([]);
  });
});
