import type { ClaimApproved } from '@santunan/contracts';
import { isEncryptedField, type EventEnvelope } from '@santunan/platform';
import { eventually, testMessaging, uniqueName } from '@santunan/testing';
import { benefitPayoutId } from './shared/payout-ids';
import { SchedulePayoutsHandler } from './schedule-payouts/schedule-payouts.handler';
import {
  freshIds,
  jkmDeathApproved,
  jkmDeathToTwoHeirs,
  scholarshipInstalmentApproved,
} from './testing/claim-decisions';
import { ClaimsPublisher } from './testing/claims-publisher';
import { fromClaimApprovedForTest } from './testing/decision-mapping';
import {
  createPayoutsTestWorld,
  startPayoutsApp,
  type PayoutsApp,
  type PayoutsTestWorld,
} from './testing/payouts-test-app';
import { TopicRecorder } from './testing/topic-recorder';

describe('payout orders from approved claims decisions (real Kafka and PostgreSQL)', () => {
  let world: PayoutsTestWorld;
  let claims: ClaimsPublisher;
  let payouts: PayoutsApp;
  let published: TopicRecorder;
  let dlq: TopicRecorder;

  beforeAll(async () => {
    world = await createPayoutsTestWorld('orders');
    claims = await ClaimsPublisher.start(world.claimsService, world.config.claimsTopic);
    payouts = await startPayoutsApp(world.config);
    published = await TopicRecorder.start(
      testMessaging('payouts-int-recorder'),
      world.config.eventsTopic,
    );
    dlq = await TopicRecorder.start(
      testMessaging('payouts-int-dlq'),
      `${world.config.claimsTopic}.dlq`,
    );
  });

  afterAll(async () => {
    // Each consumer waits out its fetch (up to 5 s) when it stops: stop them side by side.
    await Promise.all([published?.stop(), dlq?.stop(), payouts?.close(), claims?.stop()]);
    await world?.drop();
  });

  const query = <Row>(sql: string, parameters: unknown[] = []) =>
    payouts.runtime.database.query<Row>(sql, parameters);

  const ordersOf = (decisionId: string) =>
    query<{ payout_id: string; beneficiary_id: string }>(
      'select payout_id, beneficiary_id from payout_orders where decision_id = $1 order by beneficiary_id',
      [decisionId],
    );

  const scheduledEvents = async (payoutId: string) =>
    (await payouts.runtime.store.readStream(payouts.runtime.database, `payout-${payoutId}`)).filter(
      (event) => event.type === 'PayoutScheduled',
    );

  async function applied(eventIds: readonly string[]): Promise<void> {
    await eventually(async () => {
      const rows = await query<{ event_id: string }>(
        'select event_id from inbox where event_id = any($1)',
        [eventIds],
      );
      expect(rows.length).toBe(new Set(eventIds).size);
    });
  }

  const approve = (decision: ClaimApproved) =>
    claims.publish('ClaimApproved', decision, `claim-${decision.claimId}`);

  it('turns a ClaimApproved into one payout order per beneficiary, account sealed, SLA due date kept', async () => {
    const decision = jkmDeathToTwoHeirs();
    await approve(decision);

    const orders = await eventually(async () => {
      const rows = await ordersOf(decision.decisionId);
      expect(rows).toHaveLength(2);
      return rows;
    });
    expect(orders.map((o) => o.beneficiary_id)).toEqual(['heir:h-son', 'heir:h-widow']);
    expect(orders.map((o) => o.payout_id)).toEqual([
      benefitPayoutId(decision.decisionId, 'heir:h-son'),
      benefitPayoutId(decision.decisionId, 'heir:h-widow'),
    ]);

    const [stored] = await scheduledEvents(benefitPayoutId(decision.decisionId, 'heir:h-widow'));
    const data = stored?.data as {
      bankAccount: { accountNumber: unknown; bankCode: string };
      beneficiary: { fullName: unknown };
      amount: number;
      dueDate: string;
    };
    expect(isEncryptedField(data.bankAccount.accountNumber)).toBe(true);
    expect(isEncryptedField(data.beneficiary.fullName)).toBe(true);
    expect(JSON.stringify(stored?.data)).not.toContain('Maria');
    expect(data).toMatchObject({
      amount: 32_000_000,
      dueDate: decision.sla.dueDate,
      bankAccount: { bankCode: 'BRI' },
    });

    // The list reads the projection, which may trail the write by a moment.
    const response = await eventually(async () => {
      const listed = await payouts
        .as('fin-1', 'finance')
        .get(`/payouts?decisionId=${decision.decisionId}`)
        .expect(200);
      expect(listed.body.total).toBe(2);
      return listed;
    });
    const items = response.body.items as {
      payoutId: string;
      beneficiary: { beneficiaryId: string };
    }[];
    const widow = items.find((item) => item.beneficiary.beneficiaryId === 'heir:h-widow');
    expect(widow).toMatchObject({
      status: 'scheduled',
      amount: 32_000_000,
      currency: 'IDR',
      dueDate: decision.sla.dueDate,
      beneficiary: { fullName: 'Maria Bria' },
      bankAccount: { bankCode: 'BRI', accountNumber: '0001', accountName: 'Maria Bria' },
      components: [
        { code: 'JKM_LUMP_SUM', amount: 20_000_000 },
        { code: 'JKM_PERIODIC', amount: 12_000_000 },
      ],
    });
    // Other roles see the account masked; a claims officer sees nothing at all.
    const masked = await payouts
      .as('aud-1', 'auditor')
      .get(`/payouts/${widow?.payoutId}`)
      .expect(200);
    expect(masked.body.payout.bankAccount.accountNumber).toBe('****');
    expect((masked.body.history as { type: string }[]).map((entry) => entry.type)).toEqual([
      'PayoutScheduled',
    ]);
    await payouts.as('off-1', 'claims-officer').get('/payouts').expect(403);
  });

  it('orders once however often the decision arrives: the same envelope again, and under a new event id', async () => {
    const decision = jkmDeathToTwoHeirs();
    const first = await approve(decision);
    await claims.redeliver(first);
    await claims.redeliver(first);
    // A claims replay that re-emits the decision as a new event: the inbox cannot catch this one.
    const again = await approve(decision);
    await applied([first.eventId, again.eventId]);

    expect(await ordersOf(decision.decisionId)).toHaveLength(2);
    for (const beneficiary of ['heir:h-widow', 'heir:h-son']) {
      expect(await scheduledEvents(benefitPayoutId(decision.decisionId, beneficiary))).toHaveLength(
        1,
      );
    }
    const plan = await payouts.runtime.store.readStream(
      payouts.runtime.database,
      `payout-plan-${decision.decisionId}`,
    );
    expect(plan.map((event) => event.type)).toEqual(['PayoutPlanCreated']);
  });

  it('plans concurrently delivered copies of one decision once (the racing transactions meet the constraints)', async () => {
    const decision = jkmDeathToTwoHeirs();
    const { app, runtime } = payouts;
    const handler = app.get(SchedulePayoutsHandler);
    const approved = await fromClaimApprovedForTest(runtime, decision);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) =>
        runtime.database.transaction((tx) =>
          handler.apply(tx, approved, {
            actor: { id: 'race', kind: 'system' },
            correlationId: `race-${i}`,
            causationId: null,
          }),
        ),
      ),
    );
    // Losers fail on the event store's or the payout_orders unique constraint; none orders twice.
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value.planned)).toHaveLength(1);
    expect(await ordersOf(decision.decisionId)).toHaveLength(2);
    for (const beneficiary of ['heir:h-widow', 'heir:h-son']) {
      expect(await scheduledEvents(benefitPayoutId(decision.decisionId, beneficiary))).toHaveLength(
        1,
      );
    }
    const plan = await runtime.store.readStream(
      runtime.database,
      `payout-plan-${decision.decisionId}`,
    );
    expect(plan).toHaveLength(1);
  });

  it('refuses a second order for a decision and beneficiary in the database itself', async () => {
    const decision = jkmDeathApproved();
    await approve(decision);
    await eventually(async () => expect(await ordersOf(decision.decisionId)).toHaveLength(1));
    await expect(
      query(
        `insert into payout_orders (payout_id, kind, decision_id, beneficiary_id, participant_id)
         values (gen_random_uuid(), 'benefit', $1, 'heir:h-widow', $2)`,
        [decision.decisionId, decision.participantId],
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('cancels what a superseded decision had not sent to the bank and pays only the difference', async () => {
    const ids = freshIds();
    const original = jkmDeathToTwoHeirs(ids);
    await approve(original);
    const widowPayout = benefitPayoutId(ids.decisionId, 'heir:h-widow');
    const sonPayout = benefitPayoutId(ids.decisionId, 'heir:h-son');
    await eventually(async () => expect(await ordersOf(ids.decisionId)).toHaveLength(2));

    // The widow's payout is in a prepared batch (its file may reach the bank any moment: carried
    // over as in flight, ADR 0035); the son's is still scheduled when the appeal lands.
    const batch = await payouts
      .as('fin-1', 'finance')
      .post('/payout-batches', { payoutIds: [widowPayout] })
      .expect(201);
    expect((batch.body.payouts as { payoutId: string }[]).map((p) => p.payoutId)).toEqual([
      widowPayout,
    ]);

    const appeal: ClaimApproved = {
      ...jkmDeathToTwoHeirs({ ...ids, decisionId: uniqueName('d-appeal') }, 8_000_000),
      supersedesDecisionId: ids.decisionId,
    };
    await approve(appeal);
    await eventually(async () => expect(await ordersOf(appeal.decisionId)).toHaveLength(2));

    const plan = await payouts.runtime.store.readStream(
      payouts.runtime.database,
      `payout-plan-${appeal.decisionId}`,
    );
    expect(plan[0]?.data).toMatchObject({
      decidedAmount: 50_000_000,
      supersedesDecisionId: ids.decisionId,
      carriedOver: [{ payoutId: widowPayout, amount: 32_000_000, status: 'instructed' }],
      payouts: [
        { beneficiaryId: 'heir:h-widow', amount: 8_000_000 },
        { beneficiaryId: 'heir:h-son', amount: 10_000_000 },
      ],
      excess: [],
    });
    const son = await payouts.as('fin-1', 'finance').get(`/payouts/${sonPayout}`).expect(200);
    expect(son.body.payout.status).toBe('cancelled');
    const widowDifference = await payouts
      .as('fin-1', 'finance')
      .get(`/payouts/${benefitPayoutId(appeal.decisionId, 'heir:h-widow')}`)
      .expect(200);
    expect(widowDifference.body.payout).toMatchObject({
      amount: 8_000_000,
      components: [{ code: 'JKM_PERIODIC_CORRECTION', amount: 8_000_000 }],
    });
    const superseded = await payouts.runtime.store.readStream(
      payouts.runtime.database,
      `payout-plan-${ids.decisionId}`,
    );
    expect(superseded.map((event) => event.type)).toEqual([
      'PayoutPlanCreated',
      'PayoutPlanSuperseded',
    ]);
  });

  it('turns a ScholarshipInstalmentApproved into one payout to the guardian’s account, with no SLA', async () => {
    const instalment = scholarshipInstalmentApproved();
    await claims.publish(
      'ScholarshipInstalmentApproved',
      instalment,
      `scholarship-${instalment.entitlementId}`,
    );
    const [order] = await eventually(async () => {
      const rows = await ordersOf(instalment.applicationId);
      expect(rows).toHaveLength(1);
      return rows;
    });
    const response = await payouts
      .as('fin-1', 'finance')
      .get(`/payouts/${order?.payout_id}`)
      .expect(200);
    expect(response.body.payout).toMatchObject({
      program: 'scholarship',
      amount: 1_500_000,
      dueDate: null,
      beneficiary: { beneficiaryId: 'scholarship-account:c-2', kind: 'scholarship-account' },
      components: [{ code: 'SCHOLARSHIP_TK_SD', amount: 1_500_000 }],
    });
  });

  it('sends a decision it cannot read, or whose amounts do not add up, to the dead-letter topic', async () => {
    const broken = {
      ...jkmDeathApproved(),
      payment: { disbursements: 'none' },
    } as unknown as ClaimApproved;
    const invalid = await approve(broken);
    const decision = jkmDeathApproved();
    const [disbursement] = decision.payment.disbursements;
    const wrongSum: ClaimApproved = {
      ...decision,
      payment: { ...decision.payment, disbursements: [{ ...disbursement!, amount: 41_000_000 }] },
    };
    const refused = await approve(wrongSum);
    const reasons = await eventually(() => {
      const letters = dlq.messages as EventEnvelope[];
      const byId = new Map(letters.map((letter) => [letter.eventId, letter]));
      expect(byId.has(invalid.eventId) && byId.has(refused.eventId)).toBe(true);
      return byId;
    });
    expect(reasons.size).toBeGreaterThanOrEqual(2);
    expect(await ordersOf(wrongSum.decisionId)).toHaveLength(0);
  });

  it('publishes only events that validate against the published JSON Schemas', async () => {
    await payouts.runtime.waitUntilPublished(180_000);
    await eventually(() =>
      expect(published.events('PayoutScheduled').length).toBeGreaterThanOrEqual(9),
    );
    expect(published.schemaViolations()).toEqual([]);
    const types = new Set(published.events().map((event) => event.type));
    expect([...types].sort()).toEqual(
      [
        'PayoutBatchPrepared',
        'PayoutBatched',
        'PayoutCancelled',
        'PayoutPlanCreated',
        'PayoutPlanSuperseded',
        'PayoutScheduled',
      ].sort(),
    );
  });
});
