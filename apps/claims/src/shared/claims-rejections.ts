import type {
  AccidentReportRejectionCode,
  ClaimCommandRejectionCode,
  DeathRegisterRejectionCode,
  ScholarshipRejectionCode,
} from '@santunan/claims-domain';
import { DomainRejectedError, type RejectionAnswers } from '@santunan/platform';

type DeciderCode =
  | ClaimCommandRejectionCode
  | AccidentReportRejectionCode
  | DeathRegisterRejectionCode
  | ScholarshipRejectionCode;

type Answer = readonly [status: number, title: string];

const NOT_FOUND: Answer = [404, 'Not found'];
const CONFLICT: Answer = [409, 'The claim is not in a state that allows this'];

/**
 * How claims answers a refusal over HTTP (ADR 0023), by the deciders' stable codes and the
 * service's own (something unknown, a participant enrollment never sent, erased personal data):
 * 404 for something unknown, 409 when the state of a claim, report, register or entitlement
 * forbids the command now, 403 for the maker acting as checker; anything else breaks a rule of
 * the request itself (422). Given to the platform as `ServiceRuntimeOptions.rejections`.
 */
export const CLAIMS_REJECTIONS: RejectionAnswers = {
  byCode: {
    CLAIM_NOT_FOUND: NOT_FOUND,
    REPORT_NOT_FOUND: NOT_FOUND,
    ENTITLEMENT_NOT_FOUND: NOT_FOUND,
    PARTICIPANT_UNKNOWN: [422, 'The participant is not known to claims'],
    PERSONAL_DATA_ERASED: [409, 'The participant’s personal data was erased'],
    MAKER_CHECKER_SAME_PERSON: [403, 'The checker must be another person than the maker'],
    CLAIM_ALREADY_SUBMITTED: CONFLICT,
    REPORT_ALREADY_FILED: CONFLICT,
    WORK_ACCIDENT_ALREADY_DECIDED: CONFLICT,
    WORK_ACCIDENT_NOT_YET_DECIDED: [409, 'The work accident is not decided yet (stage I)'],
    NOT_A_WORK_ACCIDENT: [409, 'The accident was found not to be a work accident'],
    DECISION_ALREADY_PROPOSED: CONFLICT,
    CLAIM_ALREADY_DECIDED: [409, 'The claim is already decided'],
    CLAIM_NOT_PENDING_CONTRIBUTION: CONFLICT,
    CLAIM_NOT_DECIDED: CONFLICT,
    DECISION_ID_ALREADY_USED: CONFLICT,
    NO_DECISION_PROPOSED: [409, 'No decision awaits a checker'],
    DECISION_NOT_PENDING: [409, 'This decision is not the one awaiting a checker'],
    REJECTION_ALREADY_PROPOSED: [409, 'A rejection is proposed: approve it or send it back'],
    DOCUMENTS_INCOMPLETE: [409, 'Documents are missing'],
    DEATH_BENEFIT_NOT_REGISTERED: [409, 'The death certificate is not recorded yet'],
    DEATH_DATE_CONFLICT: [409, 'The death is recorded on another date'],
    ENTITLEMENT_ALREADY_DECIDED: CONFLICT,
    ENTITLEMENT_NOT_GRANTED: [409, 'No scholarship entitlement is granted'],
    NO_SCHOLARSHIP_ROUTE: [409, 'The decision opens no scholarship'],
    INSTALMENT_PENDING: [409, 'An instalment awaits its checker'],
    APPLICATION_ALREADY_DECIDED: CONFLICT,
    NO_INSTALMENT_PROPOSED: [409, 'No instalment awaits a checker'],
    SCHOLARSHIP_ENDED_FOR_CHILD: [409, 'The scholarship ended for this child'],
  },
  otherwise: [422, 'The request breaks a claims rule'],
  // The request field a 422 concerns (problem `field`), where every request raising the code
  // names it the same way. Not INCIDENT_DATE_IN_FUTURE (a report's `incidentDate`, a JKM
  // claim's `dateOfDeath`), DATE_INVALID or REASON_REQUIRED: several requests' fields.
  fields: {
    REPORT_BEFORE_INCIDENT: '/reportedOn',
    LODGED_DATE_INVALID: '/lodgedOn',
    DEATH_DATE_INVALID: '/dateOfDeath',
    DEATH_DATE_IN_FUTURE: '/dateOfDeath',
    CLAIMANT_INVALID: '/claimant',
    NO_BENEFIT_CLAIMED: '/benefits',
    BENEFIT_LINES_INVALID: '/benefits',
    REASON_CODE_INVALID: '/reasonCode',
    SCHOOL_YEAR_MISMATCH: '/schoolYear',
  } satisfies Partial<Record<DeciderCode, string>>,
};

/** A refusal of the service itself (not a decider's), answered from the same table. */
export function refused(
  code: string,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): DomainRejectedError {
  return new DomainRejectedError({ code, message, ...(details === undefined ? {} : { details }) });
}
