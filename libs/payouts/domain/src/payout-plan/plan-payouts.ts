import type { ComponentAmount, PayoutStatus } from '@santunan/contracts';
import { sumRupiah } from '../shared/rupiah';
import type { ApprovedDecision, DecidedDisbursement } from '../decision/approved-decision';

/** An order of a superseded decision, as the superseding decision finds it. */
export interface EarlierPayout {
  readonly payoutId: string;
  readonly beneficiaryId: string;
  readonly components: readonly ComponentAmount[];
  readonly amount: number;
  readonly status: PayoutStatus;
}

/** What stays of an earlier order: it is with the bank or already paid. */
export interface CommittedPayout extends EarlierPayout {
  readonly status: 'instructed' | 'settled';
}

export interface Supersession {
  /** Not yet with the bank (scheduled), or back from it (failed, returned): cancel, order anew. */
  readonly cancel: readonly string[];
  readonly keep: readonly CommittedPayout[];
}

/**
 * A superseding decision (appeal or correction) replaces what has not reached the bank and
 * counts what has: an instruction in flight cannot be recalled, and a settled payout is paid.
 */
export function supersede(earlier: readonly EarlierPayout[]): Supersession {
  const cancel: string[] = [];
  const keep: CommittedPayout[] = [];
  for (const payout of earlier) {
    switch (payout.status) {
      case 'scheduled':
      case 'failed':
      case 'returned':
        cancel.push(payout.payoutId);
        break;
      // In a prepared batch: its file may reach the bank any moment, so it counts as in flight.
      case 'batched':
      case 'instructed':
        keep.push({ ...payout, status: 'instructed' });
        break;
      case 'settled':
        keep.push({ ...payout, status: 'settled' });
        break;
      case 'cancelled':
        break;
      default: {
        const _exhaustive: never = payout.status;
        return _exhaustive;
      }
    }
  }
  return { cancel, keep };
}

export interface PayoutToOrder {
  readonly disbursement: DecidedDisbursement;
  readonly components: readonly ComponentAmount[];
  readonly amount: number;
}

export interface PayoutPlanDraft {
  readonly toOrder: readonly PayoutToOrder[];
  readonly carriedOver: readonly CommittedPayout[];
  readonly excess: readonly { readonly beneficiaryId: string; readonly amount: number }[];
}

/** Component by component, what the decision gives beyond what was already committed. */
function componentDifference(
  decided: readonly ComponentAmount[],
  committed: readonly CommittedPayout[],
): ComponentAmount[] {
  const amounts = new Map<string, number>();
  for (const component of decided) {
    amounts.set(component.code, (amounts.get(component.code) ?? 0) + component.amount);
  }
  for (const component of committed.flatMap((payout) => payout.components)) {
    amounts.set(component.code, (amounts.get(component.code) ?? 0) - component.amount);
  }
  return [...amounts]
    .filter(([, amount]) => amount !== 0)
    .map(([code, amount]) => ({ code, amount }));
}

/**
 * The orders a decision needs: each beneficiary's decided amount less what earlier decisions
 * already committed to them. A beneficiary committed more than decided (or no longer named)
 * is excess, to be recovered — never a negative payout.
 */
export function planPayouts(
  decision: ApprovedDecision,
  committed: readonly CommittedPayout[],
): PayoutPlanDraft {
  const toOrder: PayoutToOrder[] = [];
  const excess: { beneficiaryId: string; amount: number }[] = [];
  for (const disbursement of decision.disbursements) {
    const { beneficiaryId } = disbursement.beneficiary;
    const already = committed.filter((payout) => payout.beneficiaryId === beneficiaryId);
    const amount = disbursement.amount - sumRupiah(already.map((payout) => payout.amount));
    if (amount > 0) {
      const components =
        already.length === 0
          ? disbursement.components
          : componentDifference(disbursement.components, already);
      toOrder.push({ disbursement, components, amount });
    } else if (amount < 0) {
      excess.push({ beneficiaryId, amount: -amount });
    }
  }
  const named = new Set(decision.disbursements.map((d) => d.beneficiary.beneficiaryId));
  const unnamed = new Map<string, number>();
  for (const payout of committed.filter((p) => !named.has(p.beneficiaryId))) {
    unnamed.set(payout.beneficiaryId, (unnamed.get(payout.beneficiaryId) ?? 0) + payout.amount);
  }
  for (const [beneficiaryId, amount] of unnamed) excess.push({ beneficiaryId, amount });
  return { toOrder, carriedOver: committed, excess };
}
