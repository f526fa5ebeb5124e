import { HttpException } from '@nestjs/common';
import { STANDARD_PROBLEM_MEMBERS, problemType, type ProblemDetails } from './problem-details';

export interface ProblemExceptionOptions {
  /** Response headers the problem needs, e.g. `WWW-Authenticate` on a 401. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly cause?: unknown;
}

/**
 * An error a service raises on purpose, rendered as problem details by `ProblemDetailsFilter`.
 * `extras` become extension members (e.g. `errors`, `claimId`); they cannot replace the
 * standard ones.
 */
export class ProblemException extends HttpException {
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly extras: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: string,
    title: string,
    detail: string,
    extras: Readonly<Record<string, unknown>> = {},
    options: ProblemExceptionOptions = {},
  ) {
    const clashing = Object.keys(extras).filter((key) => STANDARD_PROBLEM_MEMBERS.has(key));
    if (clashing.length > 0) {
      throw new Error(`problem extras may not overwrite standard members: ${clashing.join(', ')}`);
    }
    super({ status, code, title, detail, ...extras }, status, { cause: options.cause });
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.extras = extras;
    this.headers = options.headers ?? {};
    this.name = 'ProblemException';
  }

  toProblem(instance?: string): ProblemDetails {
    return {
      ...this.extras,
      type: problemType(this.code),
      title: this.title,
      status: this.getStatus(),
      detail: this.detail,
      code: this.code,
      ...(instance === undefined ? {} : { instance }),
    };
  }
}
