import type { PayoutKind, PayoutProgram, PayoutStatus } from '@santunan/contracts';
import { sumRupiah } from '../shared/rupiah';

export interface DecisionForCheck {
  readonly decisionId: string;
  readonly claimId: string;
  readonly program: PayoutProgram;
  readonly decidedAmount: number;
  readonly supersedesDecisionId: string | null;
  readonly supersededByDecisionId: string | null;
}

export interface PayoutForCheck {
  readonly payoutId: string;
  readonly decisionId: string;
  readonly kind: PayoutKind;
  readonly amount: number;
  readonly status: PayoutStatus;
}

/**
 * - `settled-in-full`: settled equals decided, nothing open;
 * - `in-progress`: not all settled yet, but what is open makes up the difference exactly;
 * - `short`: even with everything open settled, less than decided (a payout cancelled or lost);
 * - `over`: settled and open exceed the decision (a payout made twice, or an appeal lowered it).
 */
export type DecisionCheckStatus = 'settled-in-full' | 'in-progress' | 'short' | 'over';

export interface DecisionCheck {
  readonly decisionId: string;
  readonly claimId: string;
  readonly program: PayoutProgram;
  readonly decidedAmount: number;
  readonly settledAmount: number;
  /** Scheduled, instructed, failed or returned: still owed, not cancelled. */
  readonly openAmount: number;
  /** settled − decided. */
  readonly difference: number;
  readonly status: DecisionCheckStatus;
  /** This decision and every decision it superseded, newest first. */
  readonly decisionChain: readonly string[];
  readonly payouts: readonly Pick<
    PayoutForCheck,
    'payoutId' | 'decisionId' | 'status' | 'amount'
  >[];
}

export interface DecisionCheckReport {
  readonly decisionsChecked: number;
  readonly supersededDecisions: number;
  readonly settledInFull: number;
  readonly inProgress: number;
  readonly mismatches: readonly DecisionCheck[];
  readonly decisions: readonly DecisionCheck[];
}

const OPEN: ReadonlySet<PayoutStatus> = new Set([
  'scheduled',
  'batched',
  'instructed',
  'failed',
  'returned',
]);

function chainOf(
  decision: DecisionForCheck,
  byId: ReadonlyMap<string, DecisionForCheck>,
): string[] {
  const chain = [decision.decisionId];
  let earlier = decision.supersedesDecisionId;
  while (earlier !== null && !chain.includes(earlier)) {
    chain.push(earlier);
    earlier = byId.get(earlier)?.supersedesDecisionId ?? null;
  }
  return chain;
}

function statusOf(decided: number, settled: number, open: number): DecisionCheckStatus {
  if (settled + open > decided) return 'over';
  if (settled + open < decided) return 'short';
  return open === 0 ? 'settled-in-full' : 'in-progress';
}

/**
 * For every decision in force (not superseded): do the benefit payouts of it and of the
 * decisions it superseded settle exactly the decided amount? Late-payment compensation is
 * owed on top of a decision and is left out.
 */
export function checkDecisions(
  decisions: readonly DecisionForCheck[],
  payouts: readonly PayoutForCheck[],
): DecisionCheckReport {
  const byId = new Map(decisions.map((decision) => [decision.decisionId, decision]));
  const benefits = payouts.filter((payout) => payout.kind === 'benefit');
  const checks = decisions
    .filter((decision) => decision.supersededByDecisionId === null)
    .map((decision): DecisionCheck => {
      const decisionChain = chainOf(decision, byId);
      const own = benefits.filter((payout) => decisionChain.includes(payout.decisionId));
      const settledAmount = sumRupiah(
        own.filter((p) => p.status === 'settled').map((p) => p.amount),
      );
      const openAmount = sumRupiah(own.filter((p) => OPEN.has(p.status)).map((p) => p.amount));
      return {
        decisionId: decision.decisionId,
        claimId: decision.claimId,
        program: decision.program,
        decidedAmount: decision.decidedAmount,
        settledAmount,
        openAmount,
        difference: settledAmount - decision.decidedAmount,
        status: statusOf(decision.decidedAmount, settledAmount, openAmount),
        decisionChain,
        payouts: own.map(({ payoutId, decisionId, status, amount }) => ({
          payoutId,
          decisionId,
          status,
          amount,
        })),
      };
    });
  return {
    decisionsChecked: checks.length,
    supersededDecisions: decisions.length - checks.length,
    settledInFull: checks.filter((check) => check.status === 'settled-in-full').length,
    inProgress: checks.filter((check) => check.status === 'in-progress').length,
    mismatches: checks.filter((check) => check.status === 'short' || check.status === 'over'),
    decisions: checks,
  };
}
