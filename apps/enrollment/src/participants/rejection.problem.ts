import type { EnrollmentRejectionCode } from '@santunan/enrollment-domain';
import { ProblemException, type DomainRejection } from '@santunan/platform';

const TITLES: Partial<Readonly<Record<EnrollmentRejectionCode, [number, string]>>> = {
  PARTICIPANT_NOT_REGISTERED: [404, 'No such participant'],
  PARTICIPANT_ALREADY_REGISTERED: [409, 'NIK already registered with other details'],
  PARTICIPANT_DECEASED: [409, 'Participant is deceased'],
  CHILD_LIMIT_REACHED: [409, 'Two children are already registered for scholarships'],
};

/**
 * A domain rejection at the HTTP edge: the decider's reason code is the problem's stable
 * code; 404 for an unknown participant, 409 when the participant's state forbids the command
 * (already registered, deceased, child limit), 422 when the request itself breaks a rule.
 */
export function rejectionProblem(rejection: DomainRejection): ProblemException {
  const [status, title] = TITLES[rejection.code as EnrollmentRejectionCode] ?? [
    422,
    'The request breaks an enrollment rule',
  ];
  return new ProblemException(status, rejection.code, title, rejection.message, {
    ...(rejection.details ?? {}),
  });
}
