import type {
  ContributionAccountRejectionCode,
  SponsorProgramRejectionCode,
} from '@santunan/contributions-domain';
import type { RejectionAnswers } from '@santunan/platform';

type RejectionCode = SponsorProgramRejectionCode | ContributionAccountRejectionCode;

const NOT_FOUND = 404;
/** The state of the program or account forbids it now. */
const CONFLICT = 409;
/** The request itself breaks a rule. */
const UNPROCESSABLE = 422;

/** Every decider reason code with its HTTP status and title: a new code fails to compile here. */
const PROBLEMS: Readonly<Record<RejectionCode, readonly [number, string]>> = {
  PROGRAM_NOT_FOUND: [NOT_FOUND, 'No such sponsor program'],
  ACCOUNT_NOT_OPENED: [NOT_FOUND, 'No contribution account for this participant'],
  PROGRAM_ALREADY_OPENED: [CONFLICT, 'Program already opened with other terms'],
  PROGRAM_CLOSED: [CONFLICT, 'Program takes no more enrolments'],
  PROGRAM_QUOTA_EXHAUSTED: [CONFLICT, 'Program quota or budget exhausted'],
  PARTICIPANT_ALREADY_ENROLLED: [CONFLICT, 'Participant already enrolled'],
  PARTICIPANT_NOT_ENROLLED: [CONFLICT, 'Participant not enrolled in this program'],
  SPONSORSHIP_ALREADY_ENDED: [CONFLICT, 'Sponsorship already ended'],
  PAYMENT_REFERENCE_CONFLICT: [CONFLICT, 'Payment reference already used'],
  ACCOUNT_ALREADY_OPENED: [CONFLICT, 'Account already opened with other data'],
  PARTICIPANT_DECEASED: [CONFLICT, 'Participant is deceased'],
  SPONSORSHIP_CONFLICT: [CONFLICT, 'Another sponsorship covers these months'],
  MONTHS_ALREADY_PAID: [CONFLICT, 'Months already paid by the participant'],
  MEMBERSHIP_ALREADY_ACTIVE: [CONFLICT, 'A membership is already running'],
  MEMBERSHIP_LAPSED: [CONFLICT, 'Membership lapsed'],
  NOT_SELF_PAYING: [CONFLICT, 'Participant is not self-paying'],
  NOT_SPONSORED_FOR_MONTH: [CONFLICT, 'Month not sponsored by this program'],
  MONTH_ALREADY_PAID: [CONFLICT, 'Month already paid'],
  PROGRAM_INVALID: [UNPROCESSABLE, 'Program terms invalid'],
  PROGRAM_TARIFF_VARIES: [UNPROCESSABLE, 'Tariff changes within the coverage months'],
  PROGRAM_BUDGET_TOO_SMALL: [UNPROCESSABLE, 'Budget covers no worker'],
  ENROLMENT_OUTSIDE_COVERAGE: [UNPROCESSABLE, 'Enrolment outside the coverage months'],
  ENROLMENT_START_IN_THE_PAST: [UNPROCESSABLE, 'Sponsorship cannot start in the past'],
  MONTH_INVALID: [UNPROCESSABLE, 'Month invalid'],
  MONTH_OUTSIDE_COVERAGE: [UNPROCESSABLE, 'Month outside the coverage'],
  STATEMENT_TOO_EARLY: [UNPROCESSABLE, 'Statement not due yet'],
  PAYMENT_INVALID: [UNPROCESSABLE, 'Payment invalid'],
  PAYMENT_AMOUNT_INVALID: [UNPROCESSABLE, 'Payment amount invalid'],
  PAYMENT_EXCEEDS_OUTSTANDING: [UNPROCESSABLE, 'Payment exceeds what the month owes'],
  ACCOUNT_INVALID: [UNPROCESSABLE, 'Account data invalid'],
  INCOME_EFFECTIVE_MONTH_INVALID: [UNPROCESSABLE, 'Income effective month invalid'],
  DEATH_DATE_INVALID: [UNPROCESSABLE, 'Date of death invalid'],
  SPONSORSHIP_INVALID: [UNPROCESSABLE, 'Sponsorship invalid'],
  MEMBERSHIP_START_IN_THE_PAST: [UNPROCESSABLE, 'Membership cannot start in the past'],
  MONTH_NOT_ENDED: [UNPROCESSABLE, 'Month has not ended'],
  BILLING_TOO_EARLY: [UNPROCESSABLE, 'Month cannot be billed yet'],
  PAYMENT_MONTH_COUNT_NOT_ALLOWED: [UNPROCESSABLE, 'Pay 1, 3, 6 or 12 months'],
  PAYMENT_MONTH_NOT_NEXT: [UNPROCESSABLE, 'Payments continue from the oldest unpaid month'],
  PAYMENT_TOO_FAR_AHEAD: [UNPROCESSABLE, 'Payment reaches too far ahead'],
  PAYMENT_AMOUNT_MISMATCH: [UNPROCESSABLE, 'Amount differs from what the months cost'],
  TARIFF_UNAVAILABLE: [UNPROCESSABLE, 'No tariff for these months'],
  DUE_DATE_UNAVAILABLE: [UNPROCESSABLE, 'No due date for this month'],
};

/**
 * The request field a 422 concerns (problem `field`, a JSON pointer), where the code is about
 * one field of the request that raises it; the rest are the terms or state as a whole.
 */
const FIELDS: Readonly<Partial<Record<RejectionCode, string>>> = {
  PROGRAM_BUDGET_TOO_SMALL: '/budget',
  ENROLMENT_OUTSIDE_COVERAGE: '/fromMonth',
  ENROLMENT_START_IN_THE_PAST: '/fromMonth',
  MONTH_OUTSIDE_COVERAGE: '/month',
  PAYMENT_AMOUNT_INVALID: '/amount',
  PAYMENT_EXCEEDS_OUTSTANDING: '/amount',
  PAYMENT_AMOUNT_MISMATCH: '/amount',
  PAYMENT_MONTH_NOT_NEXT: '/firstMonth',
  PAYMENT_MONTH_COUNT_NOT_ALLOWED: '/months',
};

/**
 * How the service answers its deciders' rejections (given to the platform as
 * `ServiceRuntimeOptions.rejections`): the reason code is the problem's stable code, 404 for
 * an unknown program or account, 409 when the current state forbids the command, 422 when the
 * request itself breaks a rule (naming its field where it is one). Details (expected amount,
 * outstanding…) become members.
 */
export const CONTRIBUTIONS_REJECTIONS: RejectionAnswers = {
  byCode: PROBLEMS,
  otherwise: [UNPROCESSABLE, 'The request breaks a contributions rule'],
  fields: FIELDS,
};
