import {
  EMPLOYERS_REJECTION_FIELDS,
  type EmployersRejectionCode,
} from '@santunan/employers-domain';
import type { RejectionAnswers } from '@santunan/platform';

/**
 * How the employers deciders' rejections are answered over HTTP: 404 for an unknown NPP or
 * worker, 409 when the state forbids the command (registered with other details, the worker
 * left), 422 with the field for a request that breaks a rule.
 */
const EMPLOYERS_ANSWERS: Readonly<
  Partial<Record<EmployersRejectionCode, readonly [number, string]>>
> = {
  EMPLOYER_NOT_REGISTERED: [404, 'No employer with this NPP'],
  WORKER_NOT_REGISTERED: [404, 'No such worker of this employer'],
  EMPLOYER_ALREADY_REGISTERED: [409, 'NPP already registered with other details'],
  BRANCH_ALREADY_OPENED: [409, 'Branch already opened with other details'],
  WORKER_ALREADY_REGISTERED: [409, 'Worker already registered with other details'],
  WORKER_LEFT: [409, 'The worker has left the employer'],
  WORKER_DECEASED: [409, 'The person died before the start of work'],
};

/**
 * The hosting service's table with the employers' codes added (one table per service, read by
 * the platform's problem-details filter). The codes do not overlap; a clash is a bug.
 */
export function withEmployersRejections(service: RejectionAnswers): RejectionAnswers {
  const clash = Object.keys(EMPLOYERS_REJECTION_FIELDS).find(
    (code) => code in service.byCode || (service.fields !== undefined && code in service.fields),
  );
  if (clash !== undefined)
    throw new Error(`rejection code ${clash} is both the service's and the employers'`);
  return {
    byCode: { ...service.byCode, ...EMPLOYERS_ANSWERS },
    otherwise: service.otherwise,
    fields: { ...service.fields, ...EMPLOYERS_REJECTION_FIELDS },
  };
}
