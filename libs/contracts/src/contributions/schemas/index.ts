/**
 * The published JSON Schemas (draft-07) of `contributions.events`: one per event type and schema version,
 * each the whole envelope with its `data`. They describe the wire form: personal fields are
 * encrypted objects. Referenced by docs/asyncapi/santunan.asyncapi.yaml; ADR 0019.
 */
import type { JsonSchemaDocument } from '../../json-schema';
import type { ContributionsEventType } from '../events';
import common from './common.schema.json';
import contributionAccountClosed from './contribution-account-closed.schema.json';
import contributionAccountOpened from './contribution-account-opened.schema.json';
import contributionArrearsRecorded from './contribution-arrears-recorded.schema.json';
import contributionBilled from './contribution-billed.schema.json';
import contributionGraceExpired from './contribution-grace-expired.schema.json';
import contributionPaidV1 from './contribution-paid.schema.json';
import contributionPaid from './contribution-paid.v2.schema.json';
import coverageExtended from './coverage-extended.schema.json';
import coverageLapsed from './coverage-lapsed.schema.json';
import coverageReinstated from './coverage-reinstated.schema.json';
import declaredIncomeRecorded from './declared-income-recorded.schema.json';
import envelope from './envelope.schema.json';
import participantSponsored from './participant-sponsored.schema.json';
import participantSponsorshipEnded from './participant-sponsorship-ended.schema.json';
import refundDue from './refund-due.schema.json';
import selfPayingMembershipStarted from './self-paying-membership-started.schema.json';
import sponsorPaymentAllocated from './sponsor-payment-allocated.schema.json';
import sponsorPaymentReceived from './sponsor-payment-received.schema.json';
import sponsorProgramClosed from './sponsor-program-closed.schema.json';
import sponsorProgramOpened from './sponsor-program-opened.schema.json';
import sponsorStatementIssued from './sponsor-statement-issued.schema.json';
import sponsorshipStarted from './sponsorship-started.schema.json';

/** Referenced by the event schemas (`common.schema.json#/definitions/…`, the envelope). */
export const CONTRIBUTIONS_SHARED_SCHEMAS: readonly JsonSchemaDocument[] = [common, envelope];

/** The schema of each event type at its current schema version. */
export const CONTRIBUTIONS_EVENT_SCHEMAS: Readonly<
  Record<ContributionsEventType, JsonSchemaDocument>
> = {
  SponsorProgramOpened: sponsorProgramOpened,
  ParticipantSponsored: participantSponsored,
  ParticipantSponsorshipEnded: participantSponsorshipEnded,
  SponsorStatementIssued: sponsorStatementIssued,
  SponsorPaymentReceived: sponsorPaymentReceived,
  SponsorPaymentAllocated: sponsorPaymentAllocated,
  SponsorProgramClosed: sponsorProgramClosed,
  ContributionAccountOpened: contributionAccountOpened,
  SelfPayingMembershipStarted: selfPayingMembershipStarted,
  SponsorshipStarted: sponsorshipStarted,
  DeclaredIncomeRecorded: declaredIncomeRecorded,
  ContributionBilled: contributionBilled,
  ContributionPaid: contributionPaid,
  CoverageExtended: coverageExtended,
  ContributionArrearsRecorded: contributionArrearsRecorded,
  ContributionGraceExpired: contributionGraceExpired,
  CoverageLapsed: coverageLapsed,
  CoverageReinstated: coverageReinstated,
  ContributionAccountClosed: contributionAccountClosed,
  RefundDue: refundDue,
};

/** Versions replaced by a newer one, still published: the relay republishes stored events as stored. */
export const CONTRIBUTIONS_EARLIER_SCHEMAS: readonly JsonSchemaDocument[] = [contributionPaidV1];
