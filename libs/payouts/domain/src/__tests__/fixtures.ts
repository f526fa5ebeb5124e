// Test data for the payouts domain specs: a JKM death paid to the widow, plain data only.
import type { BankAccount, Beneficiary, PayoutScheduled } from '@santunan/contracts';
import { indonesianWorkingDayCalendar, type WorkingDayCalendar } from '@santunan/rules';
import type { ApprovedDecision, DecidedDisbursement } from '../decision/approved-decision';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export const CALENDAR: WorkingDayCalendar = unwrap(indonesianWorkingDayCalendar());

export const account = (accountNumber: string, accountName = 'Maria Bria'): BankAccount => ({
  bankCode: 'BRI',
  accountNumber,
  accountName,
});

export const widow: Beneficiary = {
  beneficiaryId: 'heir:h-widow',
  kind: 'heir',
  fullName: 'Maria Bria',
  relationship: 'spouse',
  accountHolder: null,
};

export const son: Beneficiary = {
  beneficiaryId: 'heir:h-son',
  kind: 'heir',
  fullName: 'Paulus Bria',
  relationship: 'child',
  accountHolder: null,
};

export const JKM_COMPONENTS = [
  { code: 'JKM_LUMP_SUM', amount: 20_000_000 },
  { code: 'JKM_PERIODIC', amount: 12_000_000 },
  { code: 'JKM_FUNERAL', amount: 10_000_000 },
];

export const toWidow = (overrides: Partial<DecidedDisbursement> = {}): DecidedDisbursement => ({
  beneficiary: widow,
  bankAccount: account('0001'),
  components: JKM_COMPONENTS,
  amount: 42_000_000,
  ...overrides,
});

/** A JKM death (Rp42,000,000) decided on 2026-03-16, due 2026-03-23 (3 working days around Nyepi and Idul Fitri). */
export const jkmDecision = (overrides: Partial<ApprovedDecision> = {}): ApprovedDecision => ({
  reference: {
    decisionId: 'd-1',
    source: 'claim-decision',
    claimId: 'claim-1',
    entitlementId: null,
    applicationId: null,
  },
  participantId: 'p-1',
  program: 'jkm',
  benefitType: 'jkm-death',
  supersedesDecisionId: null,
  disbursements: [toWidow()],
  retainedByFund: 0,
  sla: {
    program: 'jkm',
    documentsCompletedOn: '2026-03-16',
    dueDate: '2026-03-23',
    ruleSetId: 'PP50-2025',
  },
  regencyCode: null,
  approvedOn: '2026-03-16',
  ...overrides,
});

export const scheduledOrder = (overrides: Partial<PayoutScheduled> = {}): PayoutScheduled => {
  const decision = jkmDecision();
  return {
    payoutId: 'payout-1',
    kind: 'benefit',
    decision: decision.reference,
    participantId: 'p-1',
    program: 'jkm',
    benefitType: 'jkm-death',
    beneficiary: widow,
    bankAccount: account('0001'),
    components: JKM_COMPONENTS,
    amount: 42_000_000,
    currency: 'IDR',
    dueDate: '2026-03-23',
    sla: decision.sla,
    regencyCode: null,
    compensation: null,
    scheduledOn: '2026-03-16',
    ...overrides,
  };
};
