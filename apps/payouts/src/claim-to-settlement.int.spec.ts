import { signatureHeaders, type PayoutSettled } from '@santunan/contracts';
import {
  eventually,
  testEventKeyring,
  testKafkaConnection,
  testMessaging,
  testSigningKey,
  uniqueName,
} from '@santunan/testing';
import { startFinanceConsumer, type FinanceConsumer } from '@santunan/finance-consumer';
import { benefitPayoutId, compensationPayoutId } from './shared/payout-ids';
import { jkmDeathApproved, jkmDeathToTwoHeirs } from './testing/claim-decisions';
import { ClaimsPublisher } from './testing/claims-publisher';
import {
  createPayoutsTestWorld,
  startPayoutsApp,
  type PayoutsApp,
  type PayoutsTestWorld,
} from './testing/payouts-test-app';
import { TopicRecorder } from './testing/topic-recorder';

/**
 * End to end through Kafka alone: claims publishes an approval, payouts orders it and (with
 * automatic batches on) hands it to the bank, the example finance consumer plays the bank and
 * reports it settled on payouts.settlements, and PayoutSettled appears on payouts.events.
 */
describe('an approved claim becomes a settled payout on payouts.events through Kafka alone', () => {
  let world: PayoutsTestWorld;
  let claims: ClaimsPublisher;
  let payouts: PayoutsApp;
  let published: TopicRecorder;
  let bank: FinanceConsumer;

  async function financeBank(valueDate: string): Promise<FinanceConsumer> {
    return startFinanceConsumer({
      ...testKafkaConnection(),
      topic: world.config.eventsTopic,
      groupId: uniqueName('int.payouts.example-finance'),
      keyDatabaseUrl: world.keysDb.url,
      keyring: testEventKeyring,
      settle: { topic: world.config.settlementsTopic, valueDate },
      log: () => undefined,
    });
  }

  beforeAll(async () => {
    world = await createPayoutsTestWorld('e2e');
    [claims, payouts, published] = await Promise.all([
      ClaimsPublisher.start(world.claimsService, world.config.claimsTopic),
      startPayoutsApp({ ...world.config, autoBatchIntervalMs: 300 }),
      TopicRecorder.start(testMessaging('payouts-int-e2e'), world.config.eventsTopic),
    ]);
  });

  afterAll(async () => {
    await Promise.all([published?.stop(), bank?.stop(), payouts?.close(), claims?.stop()]);
    await world?.drop();
  });

  const settledOf = (payoutId: string) =>
    published
      .events('PayoutSettled')
      .find((event) => (event.data as PayoutSettled).payoutId === payoutId);

  it('orders, batches and settles each beneficiary’s payout, and the finance ledger agrees', async () => {
    bank = await financeBank('2026-03-20');
    const decision = jkmDeathToTwoHeirs();
    await claims.publish('ClaimApproved', decision, `claim-${decision.claimId}`);
    const widow = benefitPayoutId(decision.decisionId, 'heir:h-widow');
    const son = benefitPayoutId(decision.decisionId, 'heir:h-son');

    await eventually(() => expect([settledOf(widow), settledOf(son)].every(Boolean)).toBe(true), {
      timeoutMs: 180_000,
    });
    expect(settledOf(widow)?.data).toMatchObject({
      amount: 32_000_000,
      settledOn: '2026-03-20',
      late: false,
    });
    await eventually(() => {
      expect(bank.ledger.lines.get(widow)).toMatchObject({
        status: 'settled',
        beneficiary: 'Maria Bria',
        account: 'BRI 0001',
      });
      expect(bank.ledger.lines.get(son)).toMatchObject({
        status: 'settled',
        beneficiary: 'Paulus Bria',
        account: 'BNI 7700112233',
      });
    });
    expect(bank.rejected).toEqual([]);
  });

  it('pays a late settlement’s compensation the same way', async () => {
    await bank.stop();
    bank = await financeBank('2026-03-26');
    const decision = jkmDeathApproved();
    await claims.publish('ClaimApproved', decision, `claim-${decision.claimId}`);
    const payoutId = benefitPayoutId(decision.decisionId, 'heir:h-widow');
    const compensationId = compensationPayoutId(payoutId);

    await eventually(() => expect(settledOf(compensationId)).toBeDefined(), { timeoutMs: 180_000 });
    expect(settledOf(payoutId)?.data).toMatchObject({ settledOn: '2026-03-26', late: true });
    // 1% × Rp42,000,000 × 3 days (due 2026-03-23) = Rp1,260,000
    expect(settledOf(compensationId)?.data).toMatchObject({ amount: 1_260_000, late: false });
    await eventually(() =>
      expect(bank.ledger.lines.get(compensationId)).toMatchObject({
        kind: 'late-payment-compensation',
        compensates: payoutId,
      }),
    );
  });

  it('books no payout order the payouts service did not sign (a forged copy is refused)', async () => {
    const [genuine] = published.events('PayoutInstructed');
    expect(genuine).toBeDefined();
    const value = Buffer.from(JSON.stringify(genuine), 'utf8');
    const topic = world.config.eventsTopic;
    const forger = await testMessaging('int-forged-order').createPublisher();
    try {
      // Authorised on the broker here (the test's admin), but signed with claims' key.
      await forger.publish(topic, [
        { key: 'forged', value, headers: signatureHeaders(testSigningKey('claims'), topic, value) },
      ]);
    } finally {
      await forger.close();
    }
    await eventually(() =>
      expect(bank.rejected).toContainEqual({
        offset: expect.any(String),
        errors: [expect.stringMatching(/^SIGNATURE_INVALID: /)],
      }),
    );
  });

  it('publishes only events that validate against the published JSON Schemas', async () => {
    await payouts.runtime.waitUntilPublished(180_000);
    expect(published.schemaViolations()).toEqual([]);
  });
});
