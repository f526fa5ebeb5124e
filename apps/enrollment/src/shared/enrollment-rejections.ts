import {
  ENROLLMENT_REJECTION_FIELDS,
  type EnrollmentRejectionCode,
} from '@santunan/enrollment-domain';
import type { RejectionAnswers } from '@santunan/platform';

/**
 * How the enrollment service answers its decider's rejections over HTTP (the platform's
 * problem-details filter reads it): the reason code is the problem's code; 404 for an unknown
 * participant, 409 when the participant's state forbids the command (already registered,
 * deceased, child limit, a death on another date), 422 when the request itself breaks a rule — naming the request field
 * it concerns (`field`, a JSON pointer) from the mapping the bulk path reads too.
 */
export const ENROLLMENT_REJECTIONS: RejectionAnswers = {
  byCode: {
    PARTICIPANT_NOT_REGISTERED: [404, 'No such participant'],
    PARTICIPANT_ALREADY_REGISTERED: [409, 'NIK already registered with other details'],
    PARTICIPANT_DECEASED: [409, 'Participant is deceased'],
    CHILD_LIMIT_REACHED: [409, 'Two children are already registered for scholarships'],
    DEATH_DATE_CONFLICT: [409, 'The death is already recorded on another date'],
  } satisfies Partial<Record<EnrollmentRejectionCode, readonly [number, string]>>,
  otherwise: [422, 'The request breaks an enrollment rule'],
  fields: ENROLLMENT_REJECTION_FIELDS,
};
