import type { DomainRejection } from '../service/event-sourced-repository';
import { STANDARD_PROBLEM_MEMBERS } from './problem-details';
import { ProblemException } from './problem.exception';

type Answer = readonly [status: number, title: string];

/**
 * How a service answers its deciders' rejection codes at the HTTP edge: a status and a title
 * per code (404 for what does not exist, 409 when the current state forbids the command, 403
 * for a four-eyes breach), and the answer for any other code — a rule of the request itself
 * broken (422). One table per service, given to ServicePlatformModule; the problem-details
 * filter is the one place that turns a rejection into a response.
 */
export interface RejectionAnswers {
  readonly byCode: Readonly<Record<string, Answer>>;
  readonly otherwise: Answer;
  /**
   * The request field a code concerns, as a JSON pointer (RFC 6901, `/declaredIncome`,
   * `/address/regencyCode`), answered as the problem's `field` member — the same form as the
   * `field` of a 400's `errors`, so a client places both next to the same input.
   */
  readonly fields?: Readonly<Record<string, string | null>>;
}

export const REJECTION_ANSWERS = Symbol('santunan:rejection-answers');

const UNLISTED: RejectionAnswers = {
  byCode: {},
  otherwise: [422, 'The request breaks a rule'],
};

/**
 * A decider refused a command. Application code raises it (through `accepted`) and leaves the
 * answer to the edge: problem details over HTTP, a dead letter with the code and message when
 * it happens in a Kafka consumer (after the consumer's retries, since a refusal may depend on
 * a state that a concurrent writer is changing).
 */
export class DomainRejectedError extends Error {
  override readonly name = 'DomainRejectedError';

  constructor(
    readonly rejection: DomainRejection,
    /** What was refused, for logs and dead letters, e.g. `account of <participant>`. */
    what?: string,
  ) {
    super(
      `${what === undefined ? '' : `${what} refused: `}${rejection.code}: ${rejection.message}`,
    );
  }
}

/** The accepted result, or its rejection raised as a DomainRejectedError. */
export function accepted<Result extends { readonly ok: boolean }>(
  result: Result,
  what?: string,
): Extract<Result, { ok: true }> {
  if (!result.ok) {
    throw new DomainRejectedError(
      (result as unknown as { rejection: DomainRejection }).rejection,
      what,
    );
  }
  return result as Extract<Result, { ok: true }>;
}

/**
 * The rejection as problem details: the decider's reason code is the problem's stable code, its
 * message the detail, the field it concerns `field` (when the table names one), its details
 * extension members (one named like a standard member — a
 * claim's `status` — is renamed `currentStatus`, since it may not overwrite it).
 */
export function rejectionProblem(
  rejection: DomainRejection,
  answers: RejectionAnswers = UNLISTED,
): ProblemException {
  const [status, title] = answers.byCode[rejection.code] ?? answers.otherwise;
  const field = answers.fields?.[rejection.code];
  const extras = Object.fromEntries(
    Object.entries(rejection.details ?? {}).map(([key, value]) => [
      STANDARD_PROBLEM_MEMBERS.has(key)
        ? `current${key[0]?.toUpperCase() ?? ''}${key.slice(1)}`
        : key,
      value,
    ]),
  );
  return new ProblemException(status, rejection.code, title, rejection.message, {
    ...(typeof field === 'string' ? { field } : {}),
    ...extras,
  });
}
