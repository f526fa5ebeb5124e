/**
 * @santunan/contributions-domain — the pure domain of the contributions context: sponsor
 * programs (budget, quota, statements, payment allocation) and participant contribution
 * accounts (billing, payments, coverage, masa iur, refunds). Design: docs/adr/0008.
 */

// Sponsor program aggregate (stream per program)
export type {
  CloseSponsorProgram,
  EndSponsorship,
  EnrolParticipant,
  IssueSponsorStatement,
  OpenSponsorProgram,
  ReceiveSponsorPayment,
  SponsorProgramCommand,
  SponsorProgramContext,
} from './sponsor-program/sponsor-program.commands';
export {
  evolveSponsorProgram,
  initialSponsorProgramState,
  monthLedger,
  type ClosedProgram,
  type Enrolment,
  type MonthLedger,
  type OpenProgram,
  type SponsorPaymentRecord,
  type SponsorProgram,
  type SponsorProgramState,
} from './sponsor-program/sponsor-program.state';
export { decideSponsorProgram } from './sponsor-program/sponsor-program.decide';
export type { SponsorProgramRejectionCode } from './sponsor-program/program-decision';
export { SPONSOR_PAYER_TYPES } from './sponsor-program/program-opening.decide';
export { ALLOCATION_BATCH_SIZE } from './sponsor-program/sponsor-payment.decide';
export { duesOfMonth, unpaidDuesOfMonth } from './sponsor-program/sponsor-program.dues';
export {
  evolveProgramReport,
  programReports,
  reportedProgramIdOf,
  type ProgramReport,
} from './sponsor-program/sponsor-program.report';

// Participant contribution account aggregate (stream per participant)
export type {
  BillContributionMonth,
  CloseContributionMonth,
  ContributionAccountCommand,
  ContributionAccountContext,
  OpenContributionAccount,
  PaySelfContribution,
  RecordDeath,
  RecordDeclaredIncome,
  RecordSponsoredContribution,
  StartSelfPayingMembership,
  StartSponsorship,
} from './contribution-account/contribution-account.commands';
export {
  evolveContributionAccount,
  initialContributionAccountState,
  type ClosedAccount,
  type ContributionAccount,
  type ContributionAccountState,
  type Death,
  type IncomePeriod,
  type Lapse,
  type MembershipPeriod,
  type OpenAccount,
  type RefundedMonth,
  type SelfPaymentRecord,
} from './contribution-account/contribution-account.state';
export { decideContributionAccount } from './contribution-account/contribution-account.decide';
export type {
  AccountDecision,
  ContributionAccountRejectionCode,
} from './contribution-account/account-decision';
export {
  DEFAULT_CONTRIBUTION_POLICY,
  type ContributionPolicy,
} from './contribution-account/contribution-policy';
export {
  arrearsMonthsOf,
  coverageSummary,
  firstPaidMonthOf,
  isForfeited,
  masaIurOf,
  paidThroughOf,
  standingOf,
  type CoverageStanding,
  type CoverageSummary,
} from './contribution-account/coverage';

// The immutable map inside a program's state
export { PersistentMap } from './shared/persistent-map';

// What the service does between the aggregates and at its edges (pure, docs/adr/0012)
export {
  sectorOfOccupation,
  TRANSPORT_OCCUPATION_WORDS,
} from './service-policies/occupation-sector';
export {
  enrolmentFor,
  sponsoredContributionsOf,
  sponsorshipEndAfterRefusal,
  sponsorshipsEndedByDeath,
  sponsorshipStartMonth,
  sponsorshipStartOf,
  type ParticipantCommandOf,
  type ProgramCoverage,
} from './service-policies/sponsorship-process';
