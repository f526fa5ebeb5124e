import type {
  BankAccount,
  ComponentAmount,
  DecisionPayment,
  Disbursement,
  Payee,
} from '@santunan/contracts';
import type { Explanation, HeirResolution } from '@santunan/rules';
import type { HeirFacts, ParticipantFacts, ScholarshipAccountFact } from '../facts/claim-facts';
import type { JsonRecord } from '../shared/json';

/** Why a decision cannot be proposed yet although the claim is eligible: nobody to pay. */
export interface PayeeProblem {
  readonly code:
    | 'PAYEE_BANK_ACCOUNT_MISSING'
    | 'PAYEE_CONSENT_MISSING'
    | 'BURIAL_ARRANGER_UNKNOWN'
    | 'SCHOLARSHIP_PAYEE_MISSING';
  readonly message: string;
  readonly details: JsonRecord;
}

export type PaymentPlan =
  | { readonly ok: true; readonly payment: DecisionPayment }
  | { readonly ok: false; readonly problem: PayeeProblem };

/** The no-heir rule pays the funeral benefit to whoever arranged the burial. */
const FUNERAL_CODES: readonly string[] = ['JKK_FUNERAL', 'JKM_FUNERAL'];
/** Scholarships go to the child's or the guardian's account, never to the cash payee. */
const SCHOLARSHIP_CODES: readonly string[] = ['SCHOLARSHIP_FLAT'];

export interface PaymentInput {
  readonly explanation: Explanation;
  readonly participant: ParticipantFacts;
  /** The living participant's account (STMB, disability, reimbursements). */
  readonly paymentAccount: BankAccount | null;
  /** Death claims: the resolved heirs and the facts they came from. */
  readonly heirs: { readonly resolution: HeirResolution; readonly facts: HeirFacts } | null;
  readonly scholarshipAccount: ScholarshipAccountFact | null;
}

const problem = (
  code: PayeeProblem['code'],
  message: string,
  details: JsonRecord = {},
): PaymentPlan => ({ ok: false, problem: { code, message, details } });

function disbursement(payee: Payee, components: readonly ComponentAmount[]): Disbursement[] {
  if (components.length === 0) return [];
  return [{ payee, components, amount: components.reduce((sum, c) => sum + c.amount, 0) }];
}

function scholarshipPayee(account: ScholarshipAccountFact): Payee {
  return { kind: 'scholarship-account', ...account };
}

/**
 * Who receives what (product decision 4): one payee for the cash benefits — the participant,
 * or the heirs' payee with the others' recorded consent; a flat scholarship to the child's or
 * guardian's account; with no heir, the funeral benefit to the burial arranger and the rest
 * retained by the social security fund.
 */
export function planPayment(input: PaymentInput): PaymentPlan {
  const components: ComponentAmount[] = input.explanation.components.map((c) => ({
    code: c.code,
    amount: c.amount,
  }));
  const scholarship = components.filter((c) => SCHOLARSHIP_CODES.includes(c.code));
  const cash = components.filter((c) => !SCHOLARSHIP_CODES.includes(c.code));

  if (input.heirs !== null && input.heirs.resolution.kind === 'no-heir') {
    const funeral = cash.filter((c) => FUNERAL_CODES.includes(c.code));
    const retained = [...cash.filter((c) => !FUNERAL_CODES.includes(c.code)), ...scholarship];
    const arranger = input.heirs.facts.burialArrangedBy ?? null;
    let disbursements: Disbursement[] = [];
    if (funeral.length > 0) {
      if (arranger === null) {
        return problem(
          'BURIAL_ARRANGER_UNKNOWN',
          'no heir: the funeral benefit needs proof of who arranged the burial',
        );
      }
      if (arranger.bankAccount === undefined) {
        return problem(
          'PAYEE_BANK_ACCOUNT_MISSING',
          'the burial arranger has no bank account on record',
          {
            arrangerId: arranger.arrangerId,
          },
        );
      }
      disbursements = disbursement(
        {
          kind: 'burial-arranger',
          arrangerId: arranger.arrangerId,
          fullName: arranger.fullName,
          bankAccount: arranger.bankAccount,
        },
        funeral,
      );
    }
    return {
      ok: true,
      payment: {
        disbursements,
        retainedByFund:
          retained.length === 0
            ? null
            : { components: retained, amount: retained.reduce((sum, c) => sum + c.amount, 0) },
      },
    };
  }

  let payee: Payee;
  if (input.heirs !== null && input.heirs.resolution.kind === 'heirs') {
    const resolution = input.heirs.resolution;
    if (resolution.payeeStatus === 'awaiting-consent') {
      return problem(
        'PAYEE_CONSENT_MISSING',
        `the other tier-${resolution.tier} heirs have not all consented to the payee`,
        {
          payeeHeirId: resolution.payee.heir.id,
          missingFrom: resolution.consentMissingFrom.map((h) => h.id),
        },
      );
    }
    const heir = input.heirs.facts.heirs.find(
      (candidate) => candidate.heirId === resolution.payee.heir.id,
    );
    if (heir?.bankAccount === undefined) {
      return problem('PAYEE_BANK_ACCOUNT_MISSING', 'the payee heir has no bank account on record', {
        heirId: resolution.payee.heir.id,
      });
    }
    payee = {
      kind: 'heir',
      heirId: heir.heirId,
      fullName: heir.fullName,
      relationship: heir.relationship,
      tier: resolution.tier,
      basis: resolution.payee.basis,
      needsGuardian: resolution.payee.needsGuardian,
      consentsGivenBy: resolution.consentRequiredFrom.map((h) => h.id),
      bankAccount: heir.bankAccount,
    };
  } else {
    if (input.paymentAccount === null) {
      return problem(
        'PAYEE_BANK_ACCOUNT_MISSING',
        'the claim has no payment account for the participant',
      );
    }
    payee = {
      kind: 'participant',
      participantId: input.participant.participantId,
      fullName: input.participant.fullName,
      bankAccount: input.paymentAccount,
    };
  }

  if (scholarship.length > 0 && input.scholarshipAccount === null) {
    return problem(
      'SCHOLARSHIP_PAYEE_MISSING',
      "the flat scholarship needs the child's or guardian's account",
    );
  }
  return {
    ok: true,
    payment: {
      disbursements: [
        ...disbursement(payee, cash),
        ...(input.scholarshipAccount === null
          ? []
          : disbursement(scholarshipPayee(input.scholarshipAccount), scholarship)),
      ],
      retainedByFund: null,
    },
  };
}
