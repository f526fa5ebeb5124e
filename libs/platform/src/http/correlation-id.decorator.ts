import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { actorOf } from '../auth/auth.decorators';
import type { CommandCause } from '../service/event-sourced-repository';

export const CORRELATION_ID_HEADER = 'X-Correlation-Id';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,100}$/;

/** The header, as an operation that reads it documents it. */
const documentHeader = (target: object, key: string | symbol | undefined): void => {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (descriptor === undefined) return;
  ApiHeader({
    name: CORRELATION_ID_HEADER,
    required: false,
    description:
      'Carried by every event the request causes; a new id when absent or not an id ' +
      '(1–100 letters, digits, `.`, `_`, `:`, `-`).',
    schema: { type: 'string', pattern: ACCEPTABLE.source, maxLength: 100 },
  })(target, key, descriptor);
};

/**
 * The request's correlation id: the caller's `X-Correlation-Id` when it looks like an id,
 * else a new one. Every event the request causes carries it. Documents the header on the
 * operation.
 */
export const CorrelationId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string =>
    correlationIdOf(context.switchToHttp().getRequest<{ headers?: Record<string, unknown> }>()),
  [documentHeader],
);

const chosen = new WeakMap<object, string>();

/**
 * The request's correlation id, chosen once per request: the request log line (http-logging.ts)
 * and the events the handler records carry the same one, also when the caller sent none.
 */
export function correlationIdOf(request: { headers?: Record<string, unknown> }): string {
  const known = chosen.get(request);
  if (known !== undefined) return known;
  const header = request.headers?.['x-correlation-id'];
  const id = typeof header === 'string' && ACCEPTABLE.test(header) ? header : randomUUID();
  chosen.set(request, id);
  return id;
}

/**
 * What a command carries from the request that caused it: the authenticated actor and the
 * correlation id (as `@CurrentActor()` and `@CorrelationId()` give them, in one parameter).
 * Documents the correlation header on the operation.
 */
export const RequestCause = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CommandCause => {
    const request = context.switchToHttp().getRequest<{ headers?: Record<string, unknown> }>();
    const actor = actorOf(request);
    if (actor === undefined)
      throw new Error('@RequestCause() used on a route the AuthGuard did not authenticate');
    return { actor, correlationId: correlationIdOf(request) };
  },
  [documentHeader],
);
