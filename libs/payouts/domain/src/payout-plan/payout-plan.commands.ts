import type { IsoDate } from '@santunan/contracts';
import type { ApprovedDecision } from '../decision/approved-decision';
import type { CommittedPayout } from './plan-payouts';

/** Plan the payouts of an approved decision (once: a redelivered decision changes nothing). */
export interface CreatePayoutPlan {
  readonly type: 'CreatePayoutPlan';
  readonly decision: ApprovedDecision;
  /** Stable payout id per beneficiary id, derived by the service from decision and beneficiary. */
  readonly payoutIds: Readonly<Record<string, string>>;
  /** What the decisions it supersedes left with the bank or paid. */
  readonly carriedOver: readonly CommittedPayout[];
  readonly plannedOn: IsoDate;
}

/** A later decision replaces this one; its unsent orders were cancelled, the rest carried over. */
export interface SupersedePayoutPlan {
  readonly type: 'SupersedePayoutPlan';
  readonly supersededByDecisionId: string;
  readonly cancelledPayoutIds: readonly string[];
  readonly carriedOverPayoutIds: readonly string[];
  readonly supersededOn: IsoDate;
}

export type PayoutPlanCommand = CreatePayoutPlan | SupersedePayoutPlan;
