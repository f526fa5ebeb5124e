import type { ClaimApproved } from '@santunan/contracts';
import type { MessagePublisher } from '@santunan/platform';
import { eventually, testMessaging } from '@santunan/testing';
import { benefitPayoutId } from './shared/payout-ids';
import { freshIds, jkmDeathApproved } from './testing/claim-decisions';
import { ClaimsPublisher } from './testing/claims-publisher';
import { participantRegistered } from './testing/enrollment-events';
import {
  createPayoutsTestWorld,
  startPayoutsApp,
  type PayoutsApp,
  type PayoutsTestWorld,
} from './testing/payouts-test-app';
import { reportSettlement, settlementReport } from './testing/settlement-reports';

/** The finance console's list: benefit, regency, due-date range, pending reissue; batches listed. */
describe('payout list filters and the list of batches (the finance console’s views)', () => {
  let world: PayoutsTestWorld;
  let claims: ClaimsPublisher;
  let payouts: PayoutsApp;
  let publisher: MessagePublisher;

  // A: registered in Kota Kupang (5371), due 2026-03-23. B: in Kabupaten Kupang (5301), due a month later.
  const a = freshIds();
  const b = freshIds();
  const aPayout = benefitPayoutId(a.decisionId, 'heir:h-widow');
  const bPayout = benefitPayoutId(b.decisionId, 'heir:h-widow');

  beforeAll(async () => {
    world = await createPayoutsTestWorld('list-filters');
    const messaging = testMessaging('payouts-int-list-filters');
    [claims, payouts, publisher] = await Promise.all([
      ClaimsPublisher.start(world.claimsService, world.config.claimsTopic),
      startPayoutsApp(world.config),
      messaging.createPublisher(),
    ]);
  });

  afterAll(async () => {
    await Promise.all([payouts?.close(), claims?.stop(), publisher?.close()]);
    await world?.drop();
  });

  const finance = () => payouts.as('fin-1', 'finance');

  async function ids(query: string): Promise<{ ids: string[]; total: number }> {
    const response = await finance().get(`/payouts?${query}`).expect(200);
    const body = response.body as { items: { payoutId: string }[]; total: number };
    return { ids: body.items.map((item) => item.payoutId).sort(), total: body.total };
  }

  it('narrows by benefit, regency, due-date range and pending reissue, and lists the batches', async () => {
    const decisionA = jkmDeathApproved(a);
    const base = jkmDeathApproved(b);
    const decisionB: ClaimApproved = { ...base, sla: { ...base.sla, dueDate: '2026-04-23' } };
    await publisher.publish(world.config.enrollmentTopic, [
      await participantRegistered(payouts.runtime.cipher, a.participantId, '5371', null),
      await participantRegistered(payouts.runtime.cipher, b.participantId, '5301', null),
    ]);
    await claims.publish('ClaimApproved', decisionA, `claim-${a.claimId}`);
    await claims.publish('ClaimApproved', decisionB, `claim-${b.claimId}`);
    const both = [aPayout, bPayout].sort();

    // The regency comes from the participant's registration (the decisions carry none).
    await eventually(async () => {
      expect((await ids(`regencyCode=5371&claimId=${a.claimId}`)).ids).toEqual([aPayout]);
      expect((await ids(`regencyCode=5301&claimId=${b.claimId}`)).ids).toEqual([bPayout]);
    });
    expect((await ids(`regencyCode=5301&claimId=${a.claimId}`)).total).toBe(0);

    // Both are JKM deaths; neither is a JKK benefit.
    for (const payoutId of both) {
      const claimId = payoutId === aPayout ? a.claimId : b.claimId;
      expect((await ids(`benefitType=jkm-death&claimId=${claimId}`)).ids).toEqual([payoutId]);
      expect((await ids(`benefitType=jkk-death&claimId=${claimId}`)).total).toBe(0);
    }

    // Due-date range, both ends included.
    const inMarch = await ids('dueFrom=2026-03-23&dueTo=2026-03-23&limit=500');
    expect(inMarch.ids).toContain(aPayout);
    expect(inMarch.ids).not.toContain(bPayout);
    const fromApril = await ids('dueFrom=2026-04-01&limit=500');
    expect(fromApril.ids).toContain(bPayout);
    expect(fromApril.ids).not.toContain(aPayout);
    const untilApril = await ids('dueTo=2026-04-30&limit=500');
    expect(untilApril.ids).toEqual(expect.arrayContaining(both));

    // Malformed filters are refused, not ignored.
    await finance().get('/payouts?regencyCode=53').expect(400);
    await finance().get('/payouts?dueFrom=23-03-2026').expect(400);
    await finance().get('/payouts?benefitType=jkn').expect(400);
    await finance().get('/payouts?reissuePending=maybe').expect(400);

    // A's payout is batched, fails at the bank, and a reissue is requested: pending reissue.
    const batch = await finance()
      .post('/payout-batches', { payoutIds: [aPayout] })
      .expect(201);
    const batchId = batch.body.batchId as string;
    await finance().post(`/payout-batches/${batchId}/instructed`, {}).expect(200);
    await reportSettlement(
      publisher,
      world.config.settlementsTopic,
      settlementReport({
        payoutId: aPayout,
        batchId,
        amount: 42_000_000,
        valueDate: '2026-03-20',
        bankReference: `BRI-${aPayout}`,
        outcome: 'failed',
        reasonCode: 'ACCOUNT_CLOSED',
        reason: 'Rekening ditutup',
      }),
    );
    await eventually(async () => {
      expect((await ids(`status=failed&claimId=${a.claimId}`)).ids).toEqual([aPayout]);
    });
    expect((await ids(`reissuePending=true&claimId=${a.claimId}`)).total).toBe(0);
    await finance()
      .post(`/payouts/${aPayout}/reissue-requests`, {
        bankAccount: { bankCode: 'BNI', accountNumber: '7700998877', accountName: 'Maria Bria' },
        reason: 'Rekening lama ditutup',
      })
      .expect(201);
    await eventually(async () => {
      expect((await ids(`reissuePending=true&claimId=${a.claimId}`)).ids).toEqual([aPayout]);
    });
    expect((await ids(`reissuePending=false&claimId=${a.claimId}`)).total).toBe(0);
    expect((await ids(`reissuePending=false&claimId=${b.claimId}`)).ids).toEqual([bPayout]);

    // The batch is listed, newest first, with its control totals; paging is counted.
    const list = await finance().get('/payout-batches?limit=50').expect(200);
    expect(list.body.total).toBeGreaterThanOrEqual(1);
    expect(list.body.items).toContainEqual({
      batchId,
      // Its only payout failed: the bank has answered for the whole batch.
      status: 'settled',
      count: 1,
      total: 42_000_000,
      currency: 'IDR',
      fileName: batch.body.fileName,
      preparedBy: 'fin-1',
      preparedOn: batch.body.preparedOn,
      instructedBy: 'fin-1',
      instructedOn: batch.body.preparedOn,
      bankReference: null,
    });
    const firstOnly = await finance().get('/payout-batches?limit=1&offset=0').expect(200);
    expect(firstOnly.body.items).toHaveLength(1);
    expect(firstOnly.body.total).toBe(list.body.total);
    await payouts.as('aud-1', 'auditor').get('/payout-batches').expect(200);
    await payouts.as('sup-1', 'claims-supervisor').get('/payout-batches').expect(403);
  });
});
