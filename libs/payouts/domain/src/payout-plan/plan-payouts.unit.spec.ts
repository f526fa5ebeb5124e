import { jkmDecision, son, toWidow, JKM_COMPONENTS } from '../__tests__/fixtures';
import { planPayouts, supersede, type CommittedPayout, type EarlierPayout } from './plan-payouts';

const earlier = (status: EarlierPayout['status'], payoutId = `p-${status}`): EarlierPayout => ({
  payoutId,
  beneficiaryId: 'heir:h-widow',
  components: JKM_COMPONENTS,
  amount: 42_000_000,
  status,
});

describe('supersede: what a superseding decision does to the earlier orders', () => {
  it.each([
    ['scheduled', 'cancel'],
    ['failed', 'cancel'],
    ['returned', 'cancel'],
    ['batched', 'keep'],
    ['instructed', 'keep'],
    ['settled', 'keep'],
    ['cancelled', 'ignore'],
  ] as const)('a %s order is %s', (status, fate) => {
    const { cancel, keep } = supersede([earlier(status)]);
    expect({ cancelled: cancel.length, kept: keep.length }).toEqual({
      cancelled: fate === 'cancel' ? 1 : 0,
      kept: fate === 'keep' ? 1 : 0,
    });
  });
});

it('carries a payout of a prepared batch over as in flight: its file may reach the bank', () => {
  expect(supersede([earlier('batched')]).keep.map((payout) => payout.status)).toEqual([
    'instructed',
  ]);
});

describe('planPayouts: one order per beneficiary, less what is already committed', () => {
  const settled = (amount: number, components = JKM_COMPONENTS): CommittedPayout => ({
    payoutId: 'old',
    beneficiaryId: 'heir:h-widow',
    components,
    amount,
    status: 'settled',
  });

  it('orders every disbursement in full when nothing was committed', () => {
    const draft = planPayouts(jkmDecision(), []);
    expect(draft.toOrder.map((o) => [o.disbursement.beneficiary.beneficiaryId, o.amount])).toEqual([
      ['heir:h-widow', 42_000_000],
    ]);
    expect(draft.toOrder[0]?.components).toEqual(JKM_COMPONENTS);
    expect(draft.excess).toEqual([]);
  });

  it('orders only the difference, component by component, after an appeal raised the amount', () => {
    const appeal = jkmDecision({
      disbursements: [
        toWidow({
          components: [...JKM_COMPONENTS, { code: 'SCHOLARSHIP_FLAT', amount: 12_000_000 }],
          amount: 54_000_000,
        }),
      ],
    });
    const draft = planPayouts(appeal, [settled(42_000_000)]);
    expect(draft.toOrder).toHaveLength(1);
    expect(draft.toOrder[0]).toMatchObject({
      amount: 12_000_000,
      components: [{ code: 'SCHOLARSHIP_FLAT', amount: 12_000_000 }],
    });
  });

  it('orders nothing when the committed amount already covers the decision', () => {
    expect(planPayouts(jkmDecision(), [settled(42_000_000)]).toOrder).toEqual([]);
  });

  it('records excess when an appeal lowered the amount or named another payee, never a negative payout', () => {
    const lowered = jkmDecision({
      disbursements: [
        toWidow({ components: [{ code: 'JKM_LUMP_SUM', amount: 10_000_000 }], amount: 10_000_000 }),
      ],
    });
    expect(planPayouts(lowered, [settled(42_000_000)])).toMatchObject({
      toOrder: [],
      excess: [{ beneficiaryId: 'heir:h-widow', amount: 32_000_000 }],
    });

    const toSon = jkmDecision({ disbursements: [toWidow({ beneficiary: son })] });
    const draft = planPayouts(toSon, [settled(42_000_000)]);
    expect(draft.toOrder.map((o) => [o.disbursement.beneficiary.beneficiaryId, o.amount])).toEqual([
      ['heir:h-son', 42_000_000],
    ]);
    expect(draft.excess).toEqual([{ beneficiaryId: 'heir:h-widow', amount: 42_000_000 }]);
  });
});
