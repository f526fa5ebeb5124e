import type { IsoMonth, SponsorProgramEvent } from '@santunan/contracts';
import { isIsoMonth, rejectWith, type Decision } from '@santunan/domain-kernel';
import type { RuleError } from '@santunan/rules';
import type { SponsorProgram } from './sponsor-program.state';

export type SponsorProgramRejectionCode =
  | 'PROGRAM_NOT_FOUND'
  | 'PROGRAM_ALREADY_OPENED'
  | 'PROGRAM_INVALID'
  | 'PROGRAM_TARIFF_VARIES'
  | 'PROGRAM_BUDGET_TOO_SMALL'
  | 'PROGRAM_CLOSED'
  | 'PROGRAM_QUOTA_EXHAUSTED'
  | 'PARTICIPANT_ALREADY_ENROLLED'
  | 'PARTICIPANT_NOT_ENROLLED'
  | 'SPONSORSHIP_ALREADY_ENDED'
  | 'ENROLMENT_OUTSIDE_COVERAGE'
  | 'ENROLMENT_START_IN_THE_PAST'
  | 'MONTH_INVALID'
  | 'MONTH_OUTSIDE_COVERAGE'
  | 'STATEMENT_TOO_EARLY'
  | 'PAYMENT_INVALID'
  | 'PAYMENT_AMOUNT_INVALID'
  | 'PAYMENT_REFERENCE_CONFLICT'
  | 'PAYMENT_EXCEEDS_OUTSTANDING'
  | 'TARIFF_UNAVAILABLE'
  | 'DUE_DATE_UNAVAILABLE';

export type ProgramDecision = Decision<SponsorProgramEvent, SponsorProgramRejectionCode>;

export function ruleRejection(
  code: 'TARIFF_UNAVAILABLE' | 'DUE_DATE_UNAVAILABLE',
  error: RuleError,
): ProgramDecision {
  return rejectWith(code, error.message, { ruleError: error.code });
}

export function inCoverage(program: SponsorProgram, month: IsoMonth): boolean {
  return isIsoMonth(month) && month >= program.firstMonth && month <= program.lastMonth;
}
