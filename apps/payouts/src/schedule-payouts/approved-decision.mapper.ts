import type { BankAccount, Beneficiary } from '@santunan/contracts';
import type { ApprovedDecision, DecidedDisbursement } from '@santunan/payouts-domain';
import type { EncryptedField, PersonalDataCipher } from '@santunan/platform';
import type { ClaimApprovedDto } from './claim-approved.dto';
import type { EncryptedBankAccountDto, PayeeDto } from './decision-payload.dto';
import type { ScholarshipInstalmentApprovedDto } from './scholarship-instalment-approved.dto';

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
  dto: EncryptedBankAccountDto,
): Promise<BankAccount> {
  return {
    bankCode: dto.bankCode,
    accountNumber: await reveal(cipher, dto.accountNumber),
    accountName: await reveal(cipher, dto.accountName),
  };
}

/** `<kind>:<id>`: the same person under a decision and the decisions that supersede it. */
function beneficiaryIdOf(payee: PayeeDto, childId: string | null): string {
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
      const _exhaustive: never = payee.kind;
      return _exhaustive;
    }
  }
}

async function disbursementOf(
  cipher: PersonalDataCipher,
  payee: PayeeDto,
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
  event: ClaimApprovedDto,
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
    regencyCode: event.inputs?.regencyCode ?? null,
    approvedOn: event.approval.approvedOn,
  };
}

/**
 * `ScholarshipInstalmentApproved`: one instalment is one decision, named by its application
 * (claims gives it no decision id). Claims sets no payment deadline for instalments.
 */
export async function fromScholarshipInstalment(
  cipher: PersonalDataCipher,
  event: ScholarshipInstalmentApprovedDto,
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
