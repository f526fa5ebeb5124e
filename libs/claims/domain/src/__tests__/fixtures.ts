// Shared test data for the claims domain specs: a BPU participant in Kupang, her heirs and
// children, and fact builders. Plain data, no framework.
import { addMonths, type IsoDate, type IsoMonth } from '@santunan/domain-kernel';
import type { BankAccount } from '@santunan/contracts';
import {
  indonesianWorkingDayCalendar,
  workingDayCalendar,
  type WorkingDayCalendar,
} from '@santunan/rules';
import type {
  ClaimFacts,
  ContributionPayerFact,
  CoverageFacts,
  HeirFact,
  PaidMonthFact,
  ParticipantFacts,
  RegisteredChildFact,
} from '../facts/claim-facts';
import type { ClaimDecisionContext } from '../claim/claim.commands';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** National holidays 2025–2027. */
export const CALENDAR: WorkingDayCalendar = unwrap(indonesianWorkingDayCalendar());
/** Weekends only, any year: for the pre-2025 examples. */
export const WEEKDAY_CALENDAR: WorkingDayCalendar = unwrap(
  workingDayCalendar({ id: 'weekdays-only', holidays: [], coverage: null }),
);

export const THRESHOLD = 10_000_000;

export function context(
  today: IsoDate,
  calendar: WorkingDayCalendar = CALENDAR,
): ClaimDecisionContext {
  return { today, calendar, makerCheckerThreshold: THRESHOLD };
}

export const account = (name: string, number: string): BankAccount => ({
  bankCode: 'BRI',
  accountNumber: number,
  accountName: name,
});

export const participant = (overrides: Partial<ParticipantFacts> = {}): ParticipantFacts => ({
  participantId: 'p-1',
  fullName: 'Yohanes Bria',
  segment: 'bpu',
  registeredOn: '2022-01-05',
  incomeHistory: [{ declaredIncome: 1_000_000, effectiveFrom: '2022-01' }],
  ...overrides,
});

export const SELF: ContributionPayerFact = { kind: 'self' };
export const NTT: ContributionPayerFact = { kind: 'program', programId: 'ntt-2026' };

/** Each month from `from` to `to`, paid on the 10th of the month itself (before most incidents). */
export function monthsPaid(
  from: IsoMonth,
  to: IsoMonth,
  payer: ContributionPayerFact = SELF,
  paidOn: (month: IsoMonth) => IsoDate = (month) => `${month}-10`,
): PaidMonthFact[] {
  const months: PaidMonthFact[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) {
    const day = paidOn(month);
    months.push({
      month,
      paidAt: `${day}T09:00:00+08:00`,
      paidOn: day,
      payer,
      reference: `pay-${month}`,
    });
  }
  return months;
}

export const coverage = (overrides: Partial<CoverageFacts> = {}): CoverageFacts => ({
  paidMonths: monthsPaid('2022-01', '2026-06'),
  sponsorships: [],
  lapses: [],
  ...overrides,
});

export const widow: HeirFact = {
  heirId: 'h-widow',
  fullName: 'Maria Bria',
  relationship: 'spouse',
  birthDate: '1988-03-01',
  bankAccount: account('Maria Bria', '0001'),
};
export const son: HeirFact = {
  heirId: 'h-son',
  fullName: 'Paulus Bria',
  relationship: 'child',
  birthDate: '2012-07-01',
};
export const mother: HeirFact = {
  heirId: 'h-mother',
  fullName: 'Theresia Bria',
  relationship: 'parent',
  bankAccount: account('Theresia Bria', '0002'),
};

export const child1: RegisteredChildFact = {
  childId: 'c-1',
  fullName: 'Paulus Bria',
  birthDate: '2012-07-01',
  registeredOn: '2022-02-01',
};
export const child2: RegisteredChildFact = {
  childId: 'c-2',
  fullName: 'Agnes Bria',
  birthDate: '2016-09-10',
  registeredOn: '2022-02-01',
};
export const child3: RegisteredChildFact = {
  childId: 'c-3',
  fullName: 'Kevin Bria',
  birthDate: '2019-04-04',
  registeredOn: '2023-05-01',
};

export const PAYMENT_ACCOUNT = account('Yohanes Bria', '0009');

export function facts(overrides: Partial<ClaimFacts> = {}): ClaimFacts {
  return {
    participant: participant(),
    coverage: coverage(),
    accidentReport: null,
    deathRegister: null,
    heirs: null,
    children: [],
    scholarshipAccount: null,
    ...overrides,
  };
}

/** A death claim's facts: the claim holds the register, the widow is the payee with consent. */
export function deathFacts(
  claimId: string,
  program: 'jkk' | 'jkm',
  dateOfDeath: IsoDate,
  overrides: Partial<ClaimFacts> = {},
): ClaimFacts {
  return facts({
    deathRegister: { dateOfDeath, benefitClaimedBy: { claimId, program, claimedOn: dateOfDeath } },
    heirs: { heirs: [widow, son], consentsGivenBy: ['h-son'] },
    children: [child1, child2],
    ...overrides,
  });
}
