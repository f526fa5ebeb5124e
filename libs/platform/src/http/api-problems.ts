/**
 * The problems an operation answers with, for its OpenAPI document. An operation names the
 * codes it raises itself (not found, conflicts, domain rejections); what the platform raises
 * for it — 400 VALIDATION_FAILED for a validated body, query or path, 401 without a valid token,
 * 403 AUTH_FORBIDDEN_ROLE under `@Roles` — `mountOpenApi` adds from the same metadata the
 * ValidationPipe and the AuthGuard read, so those can neither be forgotten nor drift.
 */
export const API_PROBLEMS_METADATA = 'santunan:api-problems';

/** Statuses an operation may document codes for (each rendered as application/problem+json). */
export type ProblemStatus = 400 | 403 | 404 | 409 | 413 | 415 | 422 | 500 | 503;

export type ProblemCodes = Readonly<Partial<Record<ProblemStatus, string | readonly string[]>>>;

/** status → codes, as stored in the metadata. */
export type ProblemCodeTable = ReadonlyMap<number, readonly string[]>;

/**
 * `@ApiProblems({ 404: 'CLAIM_NOT_FOUND', 409: ['CLAIM_ALREADY_DECIDED', …], 422: … })` on a
 * handler (or a controller, for all its handlers): the problem codes it answers with, by status.
 * Stacks: several decorators (or the controller's and the handler's) add up.
 */
export function ApiProblems(problems: ProblemCodes): MethodDecorator & ClassDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = (descriptor?.value as object | undefined) ?? target;
    const table = new Map(problemCodesOf(holder));
    for (const [status, codes] of Object.entries(problems)) {
      if (codes === undefined) continue;
      const list = typeof codes === 'string' ? [codes] : codes;
      table.set(Number(status), [...new Set([...(table.get(Number(status)) ?? []), ...list])]);
    }
    Reflect.defineMetadata(API_PROBLEMS_METADATA, table, holder);
  };
}

/** The codes `@ApiProblems` recorded on a handler function or a controller class. */
export function problemCodesOf(holder: object): ProblemCodeTable {
  const table: unknown = Reflect.getMetadata(API_PROBLEMS_METADATA, holder);
  return table instanceof Map ? (table as ProblemCodeTable) : new Map();
}
