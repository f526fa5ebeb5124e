import type { PlannedPayout } from '@santunan/contracts';
import { accept, rejectWith, type Decision } from '@santunan/domain-kernel';
import { decidedAmount, decisionProblems } from '../decision/approved-decision';
import type {
  CreatePayoutPlan,
  PayoutPlanCommand,
  SupersedePayoutPlan,
} from './payout-plan.commands';
import type { PayoutPlanEvent, PayoutPlanState } from './payout-plan.state';
import { planPayouts } from './plan-payouts';

export type PayoutPlanRejectionCode =
  | 'DECISION_INVALID'
  | 'PAYOUT_ID_MISSING'
  | 'PLAN_NOT_FOUND'
  | 'PLAN_ALREADY_SUPERSEDED';

type PayoutPlanDecision = Decision<PayoutPlanEvent, PayoutPlanRejectionCode>;

function create(command: CreatePayoutPlan, state: PayoutPlanState): PayoutPlanDecision {
  // The stream is the decision's: a plan that exists is this decision redelivered or replayed.
  if (state.status === 'planned') return accept();
  const { decision } = command;
  const problems = decisionProblems(decision);
  if (problems.length > 0) {
    return rejectWith(
      'DECISION_INVALID',
      `decision ${decision.reference.decisionId} cannot be paid`,
      {
        problems,
      },
    );
  }
  const draft = planPayouts(decision, command.carriedOver);
  const payouts: PlannedPayout[] = [];
  for (const order of draft.toOrder) {
    const { beneficiaryId } = order.disbursement.beneficiary;
    const payoutId = command.payoutIds[beneficiaryId];
    if (payoutId === undefined) {
      return rejectWith('PAYOUT_ID_MISSING', `no payout id for beneficiary ${beneficiaryId}`);
    }
    payouts.push({ payoutId, beneficiaryId, amount: order.amount });
  }
  return accept({
    type: 'PayoutPlanCreated',
    data: {
      decision: decision.reference,
      participantId: decision.participantId,
      program: decision.program,
      benefitType: decision.benefitType,
      decidedAmount: decidedAmount(decision),
      retainedByFund: decision.retainedByFund,
      supersedesDecisionId: decision.supersedesDecisionId,
      payouts,
      carriedOver: draft.carriedOver.map(({ payoutId, beneficiaryId, amount, status }) => ({
        payoutId,
        beneficiaryId,
        amount,
        status,
      })),
      excess: draft.excess,
      dueDate: decision.sla?.dueDate ?? null,
      approvedOn: decision.approvedOn,
      plannedOn: command.plannedOn,
    },
  });
}

function supersede(command: SupersedePayoutPlan, state: PayoutPlanState): PayoutPlanDecision {
  if (state.status === 'none') return rejectWith('PLAN_NOT_FOUND', 'no payout plan to supersede');
  if (state.supersededByDecisionId === command.supersededByDecisionId) return accept();
  if (state.supersededByDecisionId !== null) {
    return rejectWith(
      'PLAN_ALREADY_SUPERSEDED',
      `decision ${state.decisionId} was already superseded by ${state.supersededByDecisionId}`,
      { supersededByDecisionId: state.supersededByDecisionId },
    );
  }
  return accept({
    type: 'PayoutPlanSuperseded',
    data: {
      decisionId: state.decisionId,
      participantId: state.participantId,
      supersededByDecisionId: command.supersededByDecisionId,
      cancelledPayoutIds: command.cancelledPayoutIds,
      carriedOverPayoutIds: command.carriedOverPayoutIds,
      supersededOn: command.supersededOn,
    },
  });
}

export function decidePayoutPlan(
  command: PayoutPlanCommand,
  state: PayoutPlanState,
): PayoutPlanDecision {
  switch (command.type) {
    case 'CreatePayoutPlan':
      return create(command, state);
    case 'SupersedePayoutPlan':
      return supersede(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
