/**
 * RFC 9457 problem details: the one error shape every service's HTTP edge speaks. `code` is
 * ours: a stable, machine-readable string clients switch on (titles and details may change).
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

/** Members an extension may not overwrite. */
export const STANDARD_PROBLEM_MEMBERS: ReadonlySet<string> = new Set([
  'type',
  'title',
  'status',
  'detail',
  'code',
  'instance',
]);

/**
 * A URN rather than a web address: nothing has to be served at it, and it never changes when
 * the deployment's host name does. `VALIDATION_FAILED` → `urn:santunan:problem:validation-failed`.
 */
export function problemType(code: string): string {
  return `urn:santunan:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}
