// Issue 8, done when: an approved claim in claims becomes a settled payout on payouts.events
// through Kafka alone. The four real services run together (test/support/santunan-platform.ts);
// every step is what a user does over HTTP — enrollment officer, finance, claims officer and
// supervisor — or what the bank does on payouts.settlements. Nothing is handed from one
// service to another except through their topics.
import type {
  PayoutFailed,
  PayoutBatched,
  PayoutBatchInstructed,
  PayoutInstructed,
  PayoutScheduled,
  PayoutSettled,
  PayoutsEventType,
} from '@santunan/contracts';
import {
  PlatformDatabase,
  ServiceRuntime,
  type EventEnvelope,
  type MessagePublisher,
} from '@santunan/platform';
import { eventually, testMessaging } from '@santunan/testing';
import {
  TopicRecorder,
  reportSettlement,
  settlementReport,
} from '@santunan/payouts-service/testing';
import {
  PATIENCE,
  actingAs,
  approvedJkmDeath,
  finance,
  financeChecker,
  type ApprovedDeath,
  type User,
  type Worker,
} from './support/jkm-death-flow';
import {
  startSantunanPlatform,
  type SantunanPlatform,
  type ServiceName,
} from './support/santunan-platform';

describe('an approved claim becomes a settled payout on payouts.events through Kafka alone', () => {
  let platform: SantunanPlatform;
  let payoutsEvents: TopicRecorder;
  let bank: MessagePublisher;
  let claimsProbe: PlatformDatabase;

  beforeAll(async () => {
    // Automatic batches on, host-to-host (the default mode, ADR 0035): once ordered, a payout is
    // put in a prepared batch and the batch marked instructed without anyone's click.
    platform = await startSantunanPlatform({ label: 'claim_to_payout', autoBatchIntervalMs: 300 });
    const messaging = testMessaging('e2e-claim-to-payout');
    [payoutsEvents, bank, claimsProbe] = await Promise.all([
      TopicRecorder.start(messaging, platform.topics.payoutsEvents),
      messaging.createPublisher(),
      new PlatformDatabase({ url: platform.databases.claims, poolSize: 1 }).open(),
    ]);
  });

  afterAll(async () => {
    await claimsProbe?.close();
    // Side by side: leaving a consumer group waits out the fetch in flight (seconds each).
    await Promise.allSettled([payoutsEvents?.stop(), bank?.close(), platform?.stop()]);
  });

  const as = (user: User, service: ServiceName) => actingAs(platform, user, service);

  const today = (): string => platform.clock.today();

  /** Published payouts events of a type about one payout (or one decision, for scheduling). */
  function published<Data>(type: PayoutsEventType, where: (data: Data) => boolean): Data[] {
    return payoutsEvents
      .events(type)
      .map((event: EventEnvelope) => event.data as Data)
      .filter(where);
  }

  const deathApproved = (worker: Worker) => approvedJkmDeath(platform, claimsProbe, worker);

  /** Payouts ordered the approved decision (from claims.events): the one payout to the widow. */
  async function scheduledFor(death: ApprovedDeath): Promise<PayoutScheduled> {
    return eventually(() => {
      const scheduled = published<PayoutScheduled>(
        'PayoutScheduled',
        (data) => data.decision.decisionId === death.decisionId,
      );
      expect(scheduled).toHaveLength(1);
      return scheduled[0]!;
    }, PATIENCE);
  }

  /**
   * The automatic batch handed this attempt of the payout to the bank: prepared first (the
   * payout batched in it), then marked instructed by the scheduler itself (ADR 0035).
   */
  function instructed(payoutId: string, attempt: number): Promise<PayoutInstructed> {
    return eventually(() => {
      const [instruction] = published<PayoutInstructed>(
        'PayoutInstructed',
        (data) => data.payoutId === payoutId && data.attempt === attempt,
      );
      expect(instruction).toBeDefined();
      const { batchId } = instruction!;
      expect(
        published<PayoutBatched>(
          'PayoutBatched',
          (data) => data.payoutId === payoutId && data.batchId === batchId,
        ),
      ).toHaveLength(1);
      expect(
        published<PayoutBatchInstructed>(
          'PayoutBatchInstructed',
          (data) => data.batchId === batchId,
        ),
      ).toEqual([expect.objectContaining({ instructedBy: 'payouts.auto-batch' })]);
      return instruction!;
    }, PATIENCE);
  }

  /** The bank reports on payouts.settlements (plain JSON, as the published contract says). */
  async function bankReports(
    instruction: PayoutInstructed,
    outcome: { outcome: 'settled' } | { outcome: 'failed'; reasonCode: string; reason: string },
  ): Promise<void> {
    await reportSettlement(
      bank,
      platform.topics.payoutSettlements,
      settlementReport({
        payoutId: instruction.payoutId,
        batchId: instruction.batchId,
        amount: instruction.amount,
        bankReference: `BRI-TRX-${instruction.payoutId}-${instruction.attempt}`,
        valueDate: today(),
        reportedAt: platform.clock.now(),
        ...outcome,
      }),
    );
  }

  function settled(payoutId: string): Promise<PayoutSettled> {
    return eventually(() => {
      const [settlement] = published<PayoutSettled>(
        'PayoutSettled',
        (data) => data.payoutId === payoutId,
      );
      expect(settlement).toBeDefined();
      return settlement!;
    }, PATIENCE);
  }

  it('pays the decided amount: claims → payouts → bank → PayoutSettled', async () => {
    const death = await deathApproved({
      nik: '5371011508900001',
      fullName: 'Yohanes Bria',
      birthDate: '1990-08-15',
      sex: 'male',
      widow: { fullName: 'Maria Bria', birthDate: '1991-03-01' },
      account: { bankCode: 'BRI', accountNumber: '0011223344' },
    });
    // JKM for a BPU who dies within the first 3 months of membership (Permenaker 1/2025).
    expect(death.total).toBe(10_000_000);

    const scheduled = await scheduledFor(death);
    expect(scheduled).toMatchObject({
      participantId: death.participantId,
      decision: { claimId: death.claimId, source: 'claim-decision' },
      program: 'jkm',
      amount: death.total,
      currency: 'IDR',
    });
    const instruction = await instructed(scheduled.payoutId, 1);
    expect(instruction.amount).toBe(death.total);

    await bankReports(instruction, { outcome: 'settled' });
    const settlement = await settled(scheduled.payoutId);
    expect(settlement).toMatchObject({
      batchId: instruction.batchId,
      attempt: 1,
      amount: death.total,
      settledOn: today(),
      late: false,
    });

    const view = await as(finance, 'payouts').get(`/payouts/${scheduled.payoutId}`).expect(200);
    expect(view.body).toMatchObject({
      payout: { status: 'settled', amount: death.total, bankAccount: { bankCode: 'BRI' } },
    });
  });

  it('fails on a closed account, is reissued by two finance officers to the corrected one, and settles', async () => {
    const death = await deathApproved({
      nik: '5371014503920002',
      fullName: 'Agustina Lake',
      birthDate: '1992-03-05',
      sex: 'female',
      widow: { fullName: 'Petrus Lake', birthDate: '1990-01-20' },
      account: { bankCode: 'BNI', accountNumber: '7700112233' },
    });
    const { payoutId } = await scheduledFor(death);
    const first = await instructed(payoutId, 1);
    await bankReports(first, {
      outcome: 'failed',
      reasonCode: 'ACCOUNT_CLOSED',
      reason: 'Rekening sudah ditutup',
    });
    await eventually(() => {
      expect(published<PayoutFailed>('PayoutFailed', (data) => data.payoutId === payoutId)).toEqual(
        [expect.objectContaining({ attempt: 1, reasonCode: 'ACCOUNT_CLOSED' })],
      );
    }, PATIENCE);

    const requested = await as(finance, 'payouts')
      .post(`/payouts/${payoutId}/reissue-requests`, {
        bankAccount: { bankCode: 'BRI', accountNumber: '0987654321', accountName: 'Petrus Lake' },
        reason: 'Buku tabungan baru diterima',
      })
      .expect(201);
    const { requestId } = requested.body as { requestId: string };
    await as(finance, 'payouts')
      .post(`/payouts/${payoutId}/reissue-requests/${requestId}/approval`)
      .expect(403);
    await as(financeChecker, 'payouts')
      .post(`/payouts/${payoutId}/reissue-requests/${requestId}/approval`)
      .expect(200);

    const second = await instructed(payoutId, 2);
    expect(second).toMatchObject({ amount: death.total, bankAccount: { bankCode: 'BRI' } });
    expect(second.batchId).not.toBe(first.batchId);
    await bankReports(second, { outcome: 'settled' });
    expect(await settled(payoutId)).toMatchObject({
      batchId: second.batchId,
      attempt: 2,
      amount: death.total,
      late: false,
    });
    const view = await as(finance, 'payouts').get(`/payouts/${payoutId}`).expect(200);
    expect(view.body).toMatchObject({
      payout: {
        status: 'settled',
        attempt: 2,
        bankAccount: { bankCode: 'BRI', accountNumber: '0987654321' },
      },
    });
  });

  it('publishes on payouts.events only what validates against the published JSON Schemas', async () => {
    await platform.apps.payouts.get(ServiceRuntime).waitUntilPublished(180_000);
    const types = new Set(payoutsEvents.events().map((event) => event.type));
    expect([...types]).toEqual(
      expect.arrayContaining([
        'PayoutScheduled',
        'PayoutBatched',
        'PayoutBatchPrepared',
        'PayoutInstructed',
        'PayoutBatchInstructed',
        'PayoutSettled',
        'PayoutFailed',
        'PayoutReissued',
      ]),
    );
    expect(payoutsEvents.schemaViolations()).toEqual([]);
  });
});
