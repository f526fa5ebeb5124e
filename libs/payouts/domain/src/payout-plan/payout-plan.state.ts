import type { CarriedOverPayout, PayoutsEventOf, PlannedPayout } from '@santunan/contracts';

export type PayoutPlanEvent = PayoutsEventOf<'PayoutPlanCreated' | 'PayoutPlanSuperseded'>;

export interface PlannedDecision {
  readonly status: 'planned';
  readonly decisionId: string;
  readonly participantId: string;
  readonly payouts: readonly PlannedPayout[];
  readonly carriedOver: readonly CarriedOverPayout[];
  readonly supersededByDecisionId: string | null;
}

export type PayoutPlanState = { readonly status: 'none' } | PlannedDecision;

export const initialPayoutPlanState = (): PayoutPlanState => ({ status: 'none' });

/** Every order this decision stands for: its own and those it carried over. */
export function payoutIdsOfPlan(plan: PlannedDecision): string[] {
  return [...plan.payouts, ...plan.carriedOver].map((payout) => payout.payoutId);
}

export function evolvePayoutPlan(state: PayoutPlanState, event: PayoutPlanEvent): PayoutPlanState {
  switch (event.type) {
    case 'PayoutPlanCreated':
      return {
        status: 'planned',
        decisionId: event.data.decision.decisionId,
        participantId: event.data.participantId,
        payouts: event.data.payouts,
        carriedOver: event.data.carriedOver,
        supersededByDecisionId: null,
      };
    case 'PayoutPlanSuperseded':
      return state.status === 'planned'
        ? { ...state, supersededByDecisionId: event.data.supersededByDecisionId }
        : state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
