import type { PayoutsEventOf } from '@santunan/contracts';
import { deciderSpec } from '@santunan/testing';
import { jkmDecision, JKM_COMPONENTS, son, toWidow } from '../__tests__/fixtures';
import type { CreatePayoutPlan } from './payout-plan.commands';
import { decidePayoutPlan } from './payout-plan.decide';
import { evolvePayoutPlan, initialPayoutPlanState } from './payout-plan.state';

const spec = deciderSpec({
  decide: decidePayoutPlan,
  evolve: evolvePayoutPlan,
  initialState: initialPayoutPlanState,
});

const create = (overrides: Partial<CreatePayoutPlan> = {}): CreatePayoutPlan => ({
  type: 'CreatePayoutPlan',
  decision: jkmDecision(),
  payoutIds: { 'heir:h-widow': 'payout-widow', 'heir:h-son': 'payout-son' },
  carriedOver: [],
  plannedOn: '2026-03-16',
  ...overrides,
});

const planned: PayoutsEventOf<'PayoutPlanCreated'> = {
  type: 'PayoutPlanCreated',
  data: {
    decision: jkmDecision().reference,
    participantId: 'p-1',
    program: 'jkm',
    benefitType: 'jkm-death',
    decidedAmount: 42_000_000,
    retainedByFund: 0,
    supersedesDecisionId: null,
    payouts: [{ payoutId: 'payout-widow', beneficiaryId: 'heir:h-widow', amount: 42_000_000 }],
    carriedOver: [],
    excess: [],
    dueDate: '2026-03-23',
    approvedOn: '2026-03-16',
    plannedOn: '2026-03-16',
  },
};

describe('payout plan decider', () => {
  it('plans one payout per beneficiary of an approved decision', () => {
    spec.given([]).when(create()).then([planned]);
  });

  it('changes nothing when the decision is delivered again', () => {
    spec.given([planned]).when(create()).thenNothingHappened();
  });

  it('refuses a decision whose components do not add up', () => {
    spec
      .given([])
      .when(create({ decision: jkmDecision({ disbursements: [toWidow({ amount: 41_000_000 })] }) }))
      .thenRejects('DECISION_INVALID');
  });

  it('refuses a decision that pays one beneficiary twice', () => {
    spec
      .given([])
      .when(create({ decision: jkmDecision({ disbursements: [toWidow(), toWidow()] }) }))
      .thenRejects('DECISION_INVALID');
  });

  it('orders the difference and records what was carried over from the superseded decision', () => {
    const appeal = jkmDecision({
      reference: { ...jkmDecision().reference, decisionId: 'd-2' },
      supersedesDecisionId: 'd-1',
      disbursements: [
        toWidow({ components: [{ code: 'JKM_LUMP_SUM', amount: 30_000_000 }], amount: 30_000_000 }),
        toWidow({ beneficiary: son, components: JKM_COMPONENTS, amount: 42_000_000 }),
      ],
    });
    const carried = {
      payoutId: 'payout-widow',
      beneficiaryId: 'heir:h-widow',
      components: JKM_COMPONENTS,
      amount: 42_000_000,
      status: 'settled' as const,
    };
    spec
      .given([])
      .when(create({ decision: appeal, carriedOver: [carried] }))
      .then([
        {
          type: 'PayoutPlanCreated',
          data: {
            ...planned.data,
            decision: appeal.reference,
            decidedAmount: 72_000_000,
            supersedesDecisionId: 'd-1',
            payouts: [{ payoutId: 'payout-son', beneficiaryId: 'heir:h-son', amount: 42_000_000 }],
            carriedOver: [
              {
                payoutId: 'payout-widow',
                beneficiaryId: 'heir:h-widow',
                amount: 42_000_000,
                status: 'settled',
              },
            ],
            excess: [{ beneficiaryId: 'heir:h-widow', amount: 12_000_000 }],
          },
        },
      ]);
  });

  it('is superseded once; the same supersession again changes nothing, another is refused', () => {
    const supersede = {
      type: 'SupersedePayoutPlan' as const,
      supersededByDecisionId: 'd-2',
      cancelledPayoutIds: ['payout-widow'],
      carriedOverPayoutIds: [],
      supersededOn: '2026-04-01',
    };
    const superseded: PayoutsEventOf<'PayoutPlanSuperseded'> = {
      type: 'PayoutPlanSuperseded',
      data: {
        decisionId: 'd-1',
        participantId: 'p-1',
        supersededByDecisionId: 'd-2',
        cancelledPayoutIds: ['payout-widow'],
        carriedOverPayoutIds: [],
        supersededOn: '2026-04-01',
      },
    };
    spec.given([planned]).when(supersede).then([superseded]);
    spec.given([planned, superseded]).when(supersede).thenNothingHappened();
    spec
      .given([planned, superseded])
      .when({ ...supersede, supersededByDecisionId: 'd-3' })
      .thenRejects('PLAN_ALREADY_SUPERSEDED');
    spec.given([]).when(supersede).thenRejects('PLAN_NOT_FOUND');
  });
});
