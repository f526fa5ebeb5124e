/**
 * The published JSON Schemas (draft-07) of `claims.events`: one per event type and schema version,
 * each the whole envelope with its `data`. They describe the wire form: personal fields are
 * encrypted objects. Referenced by docs/asyncapi/santunan.asyncapi.yaml; ADR 0019.
 */
import type { JsonSchemaDocument } from '../../json-schema';
import type { ClaimsEventType } from '../events';
import accidentReported from './accident-reported.schema.json';
import claimApproved from './claim-approved.schema.json';
import claimDecisionProposed from './claim-decision-proposed.schema.json';
import claimDecisionSentBack from './claim-decision-sent-back.schema.json';
import claimDocumentReceived from './claim-document-received.schema.json';
import claimDocumentsCompleted from './claim-documents-completed.schema.json';
import claimDocumentsRequested from './claim-documents-requested.schema.json';
import claimEligibilityAssessed from './claim-eligibility-assessed.schema.json';
import claimPendingContribution from './claim-pending-contribution.schema.json';
import claimRejected from './claim-rejected.schema.json';
import claimRejectionProposed from './claim-rejection-proposed.schema.json';
import claimReopened from './claim-reopened.schema.json';
import common from './common.schema.json';
import deathBenefitClaimed from './death-benefit-claimed.schema.json';
import deathBenefitReleased from './death-benefit-released.schema.json';
import deathRecorded from './death-recorded.schema.json';
import deathRecordedByEnrollment from './death-recorded-by-enrollment.schema.json';
import envelope from './envelope.schema.json';
import jkkClaimSubmitted from './jkk-claim-submitted.schema.json';
import jkmClaimSubmitted from './jkm-claim-submitted.schema.json';
import scholarshipEndedForChild from './scholarship-ended-for-child.schema.json';
import scholarshipEntitlementGranted from './scholarship-entitlement-granted.schema.json';
import scholarshipEntitlementRefused from './scholarship-entitlement-refused.schema.json';
import scholarshipInstalmentApproved from './scholarship-instalment-approved.schema.json';
import scholarshipInstalmentProposed from './scholarship-instalment-proposed.schema.json';
import scholarshipInstalmentRefused from './scholarship-instalment-refused.schema.json';
import scholarshipInstalmentSentBack from './scholarship-instalment-sent-back.schema.json';
import workAccidentConfirmed from './work-accident-confirmed.schema.json';
import workAccidentRefuted from './work-accident-refuted.schema.json';

/** Referenced by the event schemas (`common.schema.json#/definitions/…`, the envelope). */
export const CLAIMS_SHARED_SCHEMAS: readonly JsonSchemaDocument[] = [common, envelope];

/** The schema of each event type at its current schema version. */
export const CLAIMS_EVENT_SCHEMAS: Readonly<Record<ClaimsEventType, JsonSchemaDocument>> = {
  AccidentReported: accidentReported,
  WorkAccidentConfirmed: workAccidentConfirmed,
  WorkAccidentRefuted: workAccidentRefuted,
  JkkClaimSubmitted: jkkClaimSubmitted,
  JkmClaimSubmitted: jkmClaimSubmitted,
  ClaimDocumentReceived: claimDocumentReceived,
  ClaimDocumentsRequested: claimDocumentsRequested,
  ClaimDocumentsCompleted: claimDocumentsCompleted,
  ClaimEligibilityAssessed: claimEligibilityAssessed,
  ClaimPendingContribution: claimPendingContribution,
  ClaimDecisionProposed: claimDecisionProposed,
  ClaimDecisionSentBack: claimDecisionSentBack,
  ClaimRejectionProposed: claimRejectionProposed,
  ClaimApproved: claimApproved,
  ClaimRejected: claimRejected,
  ClaimReopened: claimReopened,
  DeathRecorded: deathRecorded,
  DeathRecordedByEnrollment: deathRecordedByEnrollment,
  DeathBenefitClaimed: deathBenefitClaimed,
  DeathBenefitReleased: deathBenefitReleased,
  ScholarshipEntitlementGranted: scholarshipEntitlementGranted,
  ScholarshipEntitlementRefused: scholarshipEntitlementRefused,
  ScholarshipInstalmentProposed: scholarshipInstalmentProposed,
  ScholarshipInstalmentApproved: scholarshipInstalmentApproved,
  ScholarshipInstalmentSentBack: scholarshipInstalmentSentBack,
  ScholarshipInstalmentRefused: scholarshipInstalmentRefused,
  ScholarshipEndedForChild: scholarshipEndedForChild,
};
