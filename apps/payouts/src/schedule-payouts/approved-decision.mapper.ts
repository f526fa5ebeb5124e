import type {
  BankAccount,
  Beneficiary,
  ClaimApproved,
  DecisionPayment,
  Disbursement,
  Payee,
  ScholarshipInstalmentApproved,
} from '@santunan/contracts';
import type { ApprovedDecision, DecidedDisbursement } from '@santunan/payouts-domain';
import type { EncryptedField, PersonalDataCipher, Sealed } from '@santunan/platform';

// The decisions as claims publishes them (CLAIMS_PERSONAL_DATA_PATHS): each payee's name and
// account sealed with the participant's key, everything else as in the contract.
type SealedBankAccount = Sealed<BankAccount, 'accountNumber' | 'accountName'>;
type SealedPayee<P extends Payee = Payee> = P extends Payee
  ? Omit<P, 'fullName' | 'bankAccount'> & {
      readonly fullName: EncryptedField;
      readonly bankAccount: SealedBankAccount;
    }
  : never;
type SealedDisbursement = Omit<Disbursement, 'payee'> & { readonly payee: SealedPayee };

/** `ClaimApproved` on claims.events (checked against its JSON Schema by the transport). */
export type PublishedClaimApproved = Omit<ClaimApproved, 'payment'> & {
  readonly payment: Omit<DecisionPayment, 'disbursements'> & {
    readonly disbursements: readonly SealedDisbursement[];
  };
};

/** `ScholarshipInstalmentApproved` on claims.events. */
export type PublishedInstalmentApproved = Omit<ScholarshipInstalmentApproved, 'payee'> & {
  readonly payee: SealedPayee<Extract<Payee, { kind: 'scholarship-account' }>>;
};

/** The participant's key is erased: nobody can be paid from this decision any more. */
export class PersonalDataErasedError extends Error {
  override readonly name = 'PersonalDataErasedError';

  constructor(subject: string, field: string) {
    super(`personal field ${field} of subject ${subject} is erased; the decision cannot be paid`);
  }
}

async function reveal(cipher: PersonalDataCipher, field: EncryptedField): Promise<string> {
  const plain = await cipher.decrypt(field);
  if (typeof plain !== 'string') throw new PersonalDataErasedError(field.subject, field.field);
  return plain;
}

async function bankAccountOf(
  cipher: PersonalDataCipher,
  account: SealedBankAccount,
): Promise<BankAccount> {
  return {
    bankCode: account.bankCode,
    accountNumber: await reveal(cipher, account.accountNumber),
    accountName: await reveal(cipher, account.accountName),
  };
}

/** `<kind>:<id>`: the same person under a decision and the decisions that supersede it. */
function beneficiaryIdOf(payee: SealedPayee, childId: string | null): string {
  switch (payee.kind) {
    case 'participant':
      return `participant:${payee.participantId ?? ''}`;
    case 'heir':
      return `heir:${payee.heirId ?? ''}`;
    case 'burial-arranger':
      return `burial-arranger:${payee.arrangerId ?? ''}`;
    case 'scholarship-account':
      return `scholarship-account:${childId ?? payee.childId ?? 'guardian'}`;
    default: {
      const _exhaustive: never = payee;
      return _exhaustive;
    }
  }
}

async function disbursementOf(
  cipher: PersonalDataCipher,
  payee: SealedPayee,
  components: readonly { code: string; amount: number }[],
  amount: number,
  childId: string | null = null,
): Promise<DecidedDisbursement> {
  const beneficiary: Beneficiary = {
    beneficiaryId: beneficiaryIdOf(payee, childId),
    kind: payee.kind,
    fullName: await reveal(cipher, payee.fullName),
    relationship: payee.kind === 'heir' ? (payee.relationship ?? null) : null,
    accountHolder: payee.kind === 'scholarship-account' ? (payee.holder ?? null) : null,
  };
  return {
    beneficiary,
    bankAccount: await bankAccountOf(cipher, payee.bankAccount),
    components: components.map(({ code, amount: part }) => ({ code, amount: part })),
    amount,
  };
}

/** `ClaimApproved` as the payouts domain reads it: payees decrypted, one disbursement each. */
export async function fromClaimApproved(
  cipher: PersonalDataCipher,
  event: PublishedClaimApproved,
): Promise<ApprovedDecision> {
  const disbursements = await Promise.all(
    event.payment.disbursements.map((d) => disbursementOf(cipher, d.payee, d.components, d.amount)),
  );
  return {
    reference: {
      decisionId: event.decisionId,
      source: 'claim-decision',
      claimId: event.claimId,
      entitlementId: null,
      applicationId: null,
    },
    participantId: event.participantId,
    program: event.program,
    benefitType: event.benefitType,
    supersedesDecisionId: event.supersedesDecisionId,
    disbursements,
    retainedByFund: event.payment.retainedByFund?.amount ?? 0,
    sla: {
      program: event.sla.program,
      documentsCompletedOn: event.sla.documentsCompletedOn,
      dueDate: event.sla.dueDate,
      ruleSetId: event.sla.ruleSetId,
    },
    // A decision carries no region; reconciliation takes it from enrollment.events.
    regencyCode: null,
    approvedOn: event.approval.approvedOn,
  };
}

/**
 * `ScholarshipInstalmentApproved`: one instalment is one decision, named by its application
 * (claims gives it no decision id). Claims sets no payment deadline for instalments.
 */
export async function fromScholarshipInstalment(
  cipher: PersonalDataCipher,
  event: PublishedInstalmentApproved,
): Promise<ApprovedDecision> {
  const disbursement = await disbursementOf(
    cipher,
    event.payee,
    event.explanation.components,
    event.amount,
    event.childId,
  );
  return {
    reference: {
      decisionId: event.applicationId,
      source: 'scholarship-instalment',
      claimId: event.claimId,
      entitlementId: event.entitlementId,
      applicationId: event.applicationId,
    },
    participantId: event.participantId,
    program: 'scholarship',
    benefitType: null,
    supersedesDecisionId: null,
    disbursements: [disbursement],
    retainedByFund: 0,
    sla: null,
    regencyCode: null,
    approvedOn: event.approval.approvedOn,
  };
}
