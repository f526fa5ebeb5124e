import { randomUUID } from 'node:crypto';
import type { ClaimApproved, SettlementReport } from '@santunan/contracts';
import type { MessagePublisher } from '@santunan/platform';
import { eventually, testMessaging } from '@santunan/testing';
import { benefitPayoutId, compensationPayoutId } from './shared/payout-ids';
import { jkmDeathApproved } from './testing/claim-decisions';
import { ClaimsPublisher } from './testing/claims-publisher';
import {
  createPayoutsTestWorld,
  startPayoutsApp,
  type PayoutsApp,
  type PayoutsTestWorld,
} from './testing/payouts-test-app';
import { reportSettlement, settlementReport } from './testing/settlement-reports';
import { TopicRecorder } from './testing/topic-recorder';

/** Due 2026-03-23 (3 working days from 2026-03-16, around Nyepi and Idul Fitri). */
const DUE = '2026-03-23';

describe('disbursement lifecycle: batch, bank file, settlement, failure and reissue, late compensation', () => {
  let world: PayoutsTestWorld;
  let claims: ClaimsPublisher;
  let payouts: PayoutsApp;
  let published: TopicRecorder;
  let deadLetters: TopicRecorder;
  let bank: MessagePublisher;

  beforeAll(async () => {
    world = await createPayoutsTestWorld('lifecycle');
    const messaging = testMessaging('payouts-int-lifecycle');
    [claims, payouts, published, deadLetters, bank] = await Promise.all([
      ClaimsPublisher.start(world.claimsService, world.config.claimsTopic),
      startPayoutsApp(world.config),
      TopicRecorder.start(messaging, world.config.eventsTopic),
      TopicRecorder.start(messaging, `${world.config.settlementsTopic}.dlq`),
      messaging.createPublisher(),
    ]);
  });

  afterAll(async () => {
    await Promise.all([
      published?.stop(),
      deadLetters?.stop(),
      payouts?.close(),
      claims?.stop(),
      bank?.close(),
    ]);
    await world?.drop();
  });

  const finance = () => payouts.as('fin-1', 'finance');

  /** An approved JKM death for the widow, scheduled; its payout id. */
  async function scheduledPayout(decision: ClaimApproved = jkmDeathApproved()): Promise<string> {
    await claims.publish('ClaimApproved', decision, `claim-${decision.claimId}`);
    const payoutId = benefitPayoutId(decision.decisionId, 'heir:h-widow');
    await eventually(async () => {
      const response = await finance().get(`/payouts/${payoutId}`);
      expect(response.status).toBe(200);
    });
    return payoutId;
  }

  async function prepared(payoutId: string): Promise<string> {
    const response = await finance()
      .post('/payout-batches', { payoutIds: [payoutId] })
      .expect(201);
    expect(response.body).toMatchObject({ status: 'prepared', created: true });
    expect(response.body.payouts).toEqual([
      { payoutId, attempt: expect.any(Number), amount: expect.any(Number) },
    ]);
    return response.body.batchId as string;
  }

  /** Prepared, and marked as handed to the bank by a finance officer (ADR 0035). */
  async function instructed(payoutId: string): Promise<string> {
    const batchId = await prepared(payoutId);
    await finance().post(`/payout-batches/${batchId}/instructed`, {}).expect(200);
    return batchId;
  }

  async function payout(payoutId: string): Promise<Record<string, unknown>> {
    return (await finance().get(`/payouts/${payoutId}`).expect(200)).body.payout as Record<
      string,
      unknown
    >;
  }

  async function untilStatus(payoutId: string, status: string): Promise<Record<string, unknown>> {
    return eventually(async () => {
      const current = await payout(payoutId);
      expect(current['status']).toBe(status);
      return current;
    });
  }

  const send = (report: SettlementReport) =>
    reportSettlement(bank, world.config.settlementsTopic, report);

  it('instructs a batch with a bank file, settles it through the settlement topic and publishes PayoutSettled', async () => {
    const payoutId = await scheduledPayout();
    const batchId = await instructed(payoutId);
    expect(await payout(payoutId)).toMatchObject({ status: 'instructed', batchId, attempt: 1 });

    const file = await finance().get(`/payout-batches/${batchId}/file`).expect(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/);
    expect(file.headers['x-batch-total']).toBe('42000000');
    expect(file.text.split('\r\n')).toEqual([
      'payout_id,attempt,bank_code,account_number,account_name,beneficiary_name,amount,currency,remittance_info',
      `${payoutId},1,BRI,0001,Maria Bria,Maria Bria,42000000,IDR,SANTUNAN ${payoutId}`,
      '',
    ]);
    await payouts.as('aud-1', 'auditor').get(`/payout-batches/${batchId}/file`).expect(403);

    const report = settlementReport({
      payoutId,
      batchId,
      amount: 42_000_000,
      valueDate: '2026-03-20',
      bankReference: `BRI-${payoutId}`,
    });
    await send(report);
    await untilStatus(payoutId, 'settled');
    const settled = await eventually(() => {
      const [event] = published
        .events('PayoutSettled')
        .filter((e) => (e.data as { payoutId: string }).payoutId === payoutId);
      expect(event).toBeDefined();
      return event!;
    });
    expect(settled.data).toMatchObject({
      bankReference: `BRI-${payoutId}`,
      amount: 42_000_000,
      settledOn: '2026-03-20',
      dueDate: DUE,
      late: false,
    });

    // Idempotent by bank reference: the report resent, and the same transaction reported again by HTTP.
    await send(report);
    await send({ ...report, reportId: `${report.reportId}-again` });
    const { schemaVersion: _v, ...body } = report;
    const again = await finance()
      .post('/payout-settlements', { schemaVersion: 1, ...body })
      .expect(200);
    expect(again.body).toEqual({
      payoutId,
      recorded: false,
      status: 'settled',
      compensationPayoutId: null,
    });
    await eventually(async () => {
      const rows = await payouts.runtime.database.query('select 1 from inbox where event_id = $1', [
        `settlement-report:${report.reportId}-again`,
      ]);
      expect(rows).toHaveLength(1);
    });
    const history = (await finance().get(`/payouts/${payoutId}`).expect(200)).body.history as {
      type: string;
    }[];
    expect(history.map((entry) => entry.type)).toEqual([
      'PayoutScheduled',
      'PayoutBatched',
      'PayoutInstructed',
      'PayoutSettled',
    ]);

    await eventually(async () => {
      const batch = await finance().get(`/payout-batches/${batchId}`).expect(200);
      expect(batch.body).toMatchObject({
        status: 'settled',
        count: 1,
        total: 42_000_000,
        payouts: [{ payoutId, status: 'settled' }],
      });
    });
  });

  it('prepares a batch that locks its payout in, refuses its settlement until a finance officer marks it instructed, and marks it once', async () => {
    const payoutId = await scheduledPayout();
    const batchId = await prepared(payoutId);
    expect(await payout(payoutId)).toMatchObject({ status: 'batched', batchId, attempt: 1 });
    // The file can be downloaded to hand over: that is what it is prepared for.
    await finance().get(`/payout-batches/${batchId}/file`).expect(200);

    // Locked in: no other batch takes it, and it cannot be cancelled.
    const again = await finance()
      .post('/payout-batches', { payoutIds: [payoutId] })
      .expect(422);
    expect(again.body.code).toBe('BATCH_EMPTY');
    const cancel = await finance()
      .post(`/payouts/${payoutId}/cancellation`, { reason: 'cancelled-by-finance', note: 'x' })
      .expect(409);
    expect(cancel.body.code).toBe('PAYOUT_NOT_CANCELLABLE');

    // The bank cannot have paid from a file nobody handed it.
    const report = settlementReport({
      payoutId,
      batchId,
      amount: 42_000_000,
      valueDate: '2026-03-20',
      bankReference: `BRI-${payoutId}`,
    });
    const { schemaVersion: _v, ...body } = report;
    const early = await finance()
      .post('/payout-settlements', { schemaVersion: 1, ...body })
      .expect(409);
    expect(early.body).toMatchObject({ code: 'BATCH_NOT_INSTRUCTED' });
    await eventually(async () => {
      const list = await finance().get('/payout-batches?limit=500').expect(200);
      expect(
        (list.body.items as { batchId: string }[]).find((item) => item.batchId === batchId),
      ).toMatchObject({
        status: 'prepared',
        preparedBy: 'fin-1',
        instructedBy: null,
        instructedOn: null,
        bankReference: null,
      });
    });

    const invalid = await finance()
      .post(`/payout-batches/${batchId}/instructed`, { bankReference: 'x'.repeat(101) })
      .expect(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    const marked = await payouts
      .as('fin-2', 'finance')
      .post(`/payout-batches/${batchId}/instructed`, { bankReference: ' H2H-0042 ' })
      .expect(200);
    expect(marked.body).toMatchObject({
      batchId,
      status: 'instructed',
      changed: true,
      preparedBy: 'fin-1',
      instructedBy: 'fin-2',
      bankReference: 'H2H-0042',
    });
    expect(await payout(payoutId)).toMatchObject({ status: 'instructed', batchId });
    // Marking again changes nothing; another reference is refused, not overwritten.
    const twice = await finance().post(`/payout-batches/${batchId}/instructed`, {}).expect(200);
    expect(twice.body).toMatchObject({ changed: false, instructedBy: 'fin-2' });
    const other = await finance()
      .post(`/payout-batches/${batchId}/instructed`, { bankReference: 'H2H-0043' })
      .expect(409);
    expect(other.body.code).toBe('BATCH_BANK_REFERENCE_CONFLICT');
    const missing = await finance()
      .post(`/payout-batches/${randomUUID()}/instructed`, {})
      .expect(404);
    expect(missing.body.code).toBe('BATCH_NOT_FOUND');
    await payouts
      .as('aud-1', 'auditor')
      .post(`/payout-batches/${batchId}/instructed`, {})
      .expect(403);
    const instructions = published
      .events('PayoutInstructed')
      .filter((event) => (event.data as { payoutId: string }).payoutId === payoutId);
    expect(instructions).toHaveLength(1);

    await finance()
      .post('/payout-settlements', { schemaVersion: 1, ...body })
      .expect(200);
    await eventually(async () => {
      const batch = await finance().get(`/payout-batches/${batchId}`).expect(200);
      expect(batch.body).toMatchObject({
        status: 'settled',
        instructedBy: 'fin-2',
        bankReference: 'H2H-0042',
      });
    });
  });

  it('fails with the bank’s reason, is reissued to a corrected account by two people, and then settles', async () => {
    const payoutId = await scheduledPayout();
    const firstBatch = await instructed(payoutId);
    await send(
      settlementReport({
        payoutId,
        batchId: firstBatch,
        amount: 42_000_000,
        outcome: 'failed',
        reasonCode: 'ACCOUNT_CLOSED',
        reason: 'Rekening sudah ditutup',
      }),
    );
    expect(await untilStatus(payoutId, 'failed')).toMatchObject({
      failure: { reasonCode: 'ACCOUNT_CLOSED' },
    });

    const maker = payouts.as('fin-maker', 'finance');
    const checker = payouts.as('fin-checker', 'finance');
    const requested = await maker
      .post(`/payouts/${payoutId}/reissue-requests`, {
        bankAccount: { bankCode: 'BNI', accountNumber: '0987654321', accountName: 'Maria Bria' },
        reason: 'Buku tabungan baru diterima',
      })
      .expect(201);
    const { requestId } = requested.body as { requestId: string };
    const refused = await maker
      .post(`/payouts/${payoutId}/reissue-requests/${requestId}/approval`)
      .expect(403);
    expect(refused.body.code).toBe('REISSUE_SAME_PERSON');
    const approved = await checker
      .post(`/payouts/${payoutId}/reissue-requests/${requestId}/approval`)
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'scheduled', changed: true });
    await checker.post(`/payouts/${payoutId}/reissue-requests/${requestId}/approval`).expect(200);

    const secondBatch = await instructed(payoutId);
    const file = await finance().get(`/payout-batches/${secondBatch}/file`).expect(200);
    expect(file.text).toContain(`${payoutId},2,BNI,0987654321,Maria Bria,Maria Bria,42000000`);
    // The first batch's file still shows what was instructed then.
    expect((await finance().get(`/payout-batches/${firstBatch}/file`).expect(200)).text).toContain(
      `${payoutId},1,BRI,0001`,
    );

    const settledReport = settlementReport({
      payoutId,
      batchId: secondBatch,
      amount: 42_000_000,
      valueDate: '2026-03-21',
    });
    const { schemaVersion: _v, ...body } = settledReport;
    const settled = await finance()
      .post('/payout-settlements', { schemaVersion: 1, ...body })
      .expect(200);
    expect(settled.body).toEqual({
      payoutId,
      recorded: true,
      status: 'settled',
      compensationPayoutId: null,
    });
    expect(await payout(payoutId)).toMatchObject({
      attempt: 2,
      bankAccount: { bankCode: 'BNI', accountNumber: '0987654321' },
    });
  });

  it('orders late-payment compensation (1% of the benefit per day) as its own payout when settled after the due date', async () => {
    const payoutId = await scheduledPayout();
    const batchId = await instructed(payoutId);
    await send(
      settlementReport({ payoutId, batchId, amount: 42_000_000, valueDate: '2026-03-25' }),
    );
    await untilStatus(payoutId, 'settled');

    const compensationId = compensationPayoutId(payoutId);
    const compensation = await eventually(async () => {
      const response = await finance().get(`/payouts/${compensationId}`);
      expect(response.status).toBe(200);
      return response.body.payout as Record<string, unknown>;
    });
    // 1% × Rp42,000,000 × 2 days late (due 2026-03-23, settled 2026-03-25) = Rp840,000
    expect(compensation).toMatchObject({
      kind: 'late-payment-compensation',
      status: 'scheduled',
      amount: 840_000,
      components: [{ code: 'LATE_PAYMENT_COMPENSATION', amount: 840_000 }],
      compensatesPayoutId: payoutId,
      compensation: {
        daysLate: 2,
        dueDate: DUE,
        settledOn: '2026-03-25',
        benefitAmount: 42_000_000,
      },
      beneficiary: { beneficiaryId: 'heir:h-widow', fullName: 'Maria Bria' },
      dueDate: null,
    });

    // The compensation is paid like any payout, and earns no compensation of its own.
    const compensationBatch = await instructed(compensationId);
    const { schemaVersion: _v, ...body } = settlementReport({
      payoutId: compensationId,
      batchId: compensationBatch,
      amount: 840_000,
      valueDate: '2026-04-30',
    });
    const settled = await finance()
      .post('/payout-settlements', { schemaVersion: 1, ...body })
      .expect(200);
    expect(settled.body.compensationPayoutId).toBeNull();
  });

  it('refuses a bank reference already recorded for another payout, and reports that do not fit', async () => {
    const first = await scheduledPayout();
    const second = await scheduledPayout();
    const firstBatch = await instructed(first);
    const secondBatch = await instructed(second);
    const post = (report: SettlementReport) => {
      const { schemaVersion: _v, ...body } = report;
      return finance().post('/payout-settlements', { schemaVersion: 1, ...body });
    };
    await post(
      settlementReport({
        payoutId: first,
        batchId: firstBatch,
        amount: 42_000_000,
        bankReference: 'BRI-SHARED-1',
      }),
    ).expect(200);
    const conflict = await post(
      settlementReport({
        payoutId: second,
        batchId: secondBatch,
        amount: 42_000_000,
        bankReference: 'BRI-SHARED-1',
      }),
    ).expect(409);
    expect(conflict.body).toMatchObject({ code: 'BANK_REFERENCE_CONFLICT', payoutId: first });
    expect(
      (
        await post(settlementReport({ payoutId: second, batchId: secondBatch, amount: 1 })).expect(
          422,
        )
      ).body.code,
    ).toBe('SETTLEMENT_AMOUNT_MISMATCH');
    expect(
      (
        await post(
          settlementReport({ payoutId: second, batchId: firstBatch, amount: 42_000_000 }),
        ).expect(409)
      ).body.code,
    ).toBe('SETTLEMENT_BATCH_MISMATCH');
    const invalid = await finance().post('/payout-settlements', { payoutId: second }).expect(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    await payouts.as('sup-1', 'claims-supervisor').post('/payout-batches', {}).expect(403);
    const notCancellable = await finance()
      .post(`/payouts/${first}/cancellation`, { reason: 'cancelled-by-finance', note: 'x' })
      .expect(409);
    expect(notCancellable.body.code).toBe('PAYOUT_NOT_CANCELLABLE');
  });

  it('dead-letters settlement reports that cannot be read, are invalid, or do not fit the payout', async () => {
    const payoutId = await scheduledPayout();
    const batchId = await instructed(payoutId);
    await reportSettlement(bank, world.config.settlementsTopic, {
      key: payoutId,
      value: 'not json at all',
    });
    await reportSettlement(bank, world.config.settlementsTopic, {
      key: payoutId,
      value: JSON.stringify({ schemaVersion: 1, reportId: 'r-invalid', payoutId, amount: 'lots' }),
    });
    await send(settlementReport({ payoutId, batchId, amount: 41_999_999 }));
    const reasons = await eventually(() => {
      const codes = deadLetters.received.map((message) => message.headers['dlq-reason-code']);
      expect(codes).toEqual(
        expect.arrayContaining(['MESSAGE_UNDECODABLE', 'PAYLOAD_INVALID', 'HANDLER_FAILED']),
      );
      return deadLetters.received;
    });
    expect(
      reasons.find((m) => m.headers['dlq-reason-code'] === 'HANDLER_FAILED')?.headers['dlq-error'],
    ).toContain('SETTLEMENT_AMOUNT_MISMATCH');
    expect(await payout(payoutId)).toMatchObject({ status: 'instructed' });
  });

  it('documents its API (OpenAPI at /docs-json)', async () => {
    const response = await payouts.as('x', 'finance').get('/docs-json').expect(200);
    expect(Object.keys((response.body as { paths: object }).paths)).toEqual(
      expect.arrayContaining([
        '/payouts',
        '/payouts/{payoutId}',
        '/payout-batches',
        '/payout-batches/{batchId}/file',
        '/payout-batches/{batchId}/instructed',
        '/payout-settlements',
        '/payouts/{payoutId}/reissue-requests',
        '/payouts/{payoutId}/reissue-requests/{requestId}/approval',
        '/payouts/{payoutId}/cancellation',
        '/reconciliation/daily',
        '/reconciliation/decisions',
      ]),
    );
  });

  it('publishes only events that validate against the published JSON Schemas', async () => {
    await payouts.runtime.waitUntilPublished(180_000);
    await eventually(() =>
      expect(new Set(published.events().map((event) => event.type))).toEqual(
        new Set([
          'PayoutPlanCreated',
          'PayoutScheduled',
          'PayoutBatched',
          'PayoutBatchPrepared',
          'PayoutInstructed',
          'PayoutBatchInstructed',
          'PayoutBatchBankReferenceRecorded',
          'PayoutSettled',
          'PayoutFailed',
          'PayoutReissueRequested',
          'PayoutReissued',
        ]),
      ),
    );
    expect(published.schemaViolations()).toEqual([]);
  });
});
