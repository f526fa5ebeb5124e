import { Injectable, type NestMiddleware } from '@nestjs/common';
import { ProblemException } from './problem.exception';

/**
 * How deep a JSON body may nest (the top-level object or array is depth 1). class-transformer
 * and class-validator walk a body recursively, so a body nested thousands of levels deep
 * overflows their stack (a RangeError, answered 500) before any DTO rule runs. The deepest
 * legitimate body on the platform is 5 levels, arrays counting as one (a JKK claim: body →
 * benefits → line → legs → leg; heirs → heir → bankAccount is 4); 32 leaves room for every DTO
 * we may add and is still far below what overflows a stack. Query strings are parsed flat (Express 5's simple parser).
 */
export const MAX_JSON_BODY_DEPTH = 32;

/**
 * The largest JSON body a service reads, in bytes: body-parser's own default, stated here so
 * it is a decision rather than an accident. The largest legitimate body (20 heirs with bank
 * accounts) is a few kilobytes; bulk files are streamed as text/csv, never parsed as JSON.
 */
export const MAX_JSON_BODY_BYTES = 100 * 1024;

/**
 * True when `value` nests deeper than `limit`. Iterative (an explicit stack, no recursion), so
 * a hostile body cannot overflow the check meant to stop it; it stops at the first level too
 * deep, and never visits more nodes than the body has.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<readonly [node: object, depth: number]> = [];
  if (typeof value === 'object' && value !== null) pending.push([value, 1]);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (depth > limit) return true;
    for (const child of Object.values(node) as unknown[]) {
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
    }
  }
  return false;
}

export function bodyTooDeepProblem(limit = MAX_JSON_BODY_DEPTH): ProblemException {
  return new ProblemException(
    400,
    'BODY_TOO_DEEP',
    'The request body nests too deeply',
    `The body nests objects or arrays more than ${limit} levels deep.`,
    { maxDepth: limit },
  );
}

/**
 * Refuses a parsed body that nests deeper than MAX_JSON_BODY_DEPTH, before any guard, pipe or
 * handler touches it (middleware runs after the body parser and before all of them).
 */
@Injectable()
export class BodyDepthMiddleware implements NestMiddleware {
  use(request: { body?: unknown }, _response: unknown, next: (error?: unknown) => void): void {
    next(nestsDeeperThan(request.body, MAX_JSON_BODY_DEPTH) ? bodyTooDeepProblem() : undefined);
  }
}
