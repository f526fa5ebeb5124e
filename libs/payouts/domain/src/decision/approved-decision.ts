import type {
  BankAccount,
  Beneficiary,
  ClaimBenefitType,
  ComponentAmount,
  IsoDate,
  PayoutDecisionReference,
  PayoutProgram,
  PayoutSla,
} from '@santunan/contracts';
import { isIsoDate } from '@santunan/domain-kernel';
import { isRupiah, sumRupiah } from '../shared/rupiah';

/** One payee's share of a decision: what becomes one payout order. */
export interface DecidedDisbursement {
  readonly beneficiary: Beneficiary;
  readonly bankAccount: BankAccount;
  readonly components: readonly ComponentAmount[];
  readonly amount: number;
}

/**
 * An approved decision as payouts needs it, whichever claims event carried it (`ClaimApproved`
 * or `ScholarshipInstalmentApproved`); the service maps the event into this at its edge.
 */
export interface ApprovedDecision {
  readonly reference: PayoutDecisionReference;
  readonly participantId: string;
  readonly program: PayoutProgram;
  readonly benefitType: ClaimBenefitType | null;
  readonly supersedesDecisionId: string | null;
  readonly disbursements: readonly DecidedDisbursement[];
  /** No heir: the part that goes back to the social security fund, paid to nobody. */
  readonly retainedByFund: number;
  /** Null for scholarship instalments: claims gives them no payment deadline. */
  readonly sla: PayoutSla | null;
  readonly regencyCode: string | null;
  readonly approvedOn: IsoDate;
}

/** What the beneficiaries must receive in the end. */
export function decidedAmount(decision: ApprovedDecision): number {
  return sumRupiah(decision.disbursements.map((disbursement) => disbursement.amount));
}

/** Why a decision cannot be paid as it stands (a bug upstream): empty when it can. */
export function decisionProblems(decision: ApprovedDecision): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  decision.disbursements.forEach((disbursement, index) => {
    const at = `disbursements[${index}]`;
    const { beneficiaryId } = disbursement.beneficiary;
    if (seen.has(beneficiaryId)) problems.push(`${at}: ${beneficiaryId} is paid twice`);
    seen.add(beneficiaryId);
    if (!isRupiah(disbursement.amount) || disbursement.amount === 0) {
      problems.push(`${at}: amount ${disbursement.amount} is not a positive whole rupiah`);
    }
    if (!disbursement.components.every((component) => Number.isSafeInteger(component.amount))) {
      problems.push(`${at}: a component amount is not a whole rupiah`);
    }
    const components = sumRupiah(disbursement.components.map((component) => component.amount));
    if (components !== disbursement.amount) {
      problems.push(`${at}: components add up to ${components}, not ${disbursement.amount}`);
    }
  });
  if (!isRupiah(decision.retainedByFund)) problems.push('retainedByFund is not a whole rupiah');
  if (!isIsoDate(decision.approvedOn)) problems.push('approvedOn is not a date');
  if (
    decision.sla !== null &&
    !(isIsoDate(decision.sla.dueDate) && isIsoDate(decision.sla.documentsCompletedOn))
  ) {
    problems.push('the SLA dates are not dates');
  }
  return problems;
}
