import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The request's correlation id: the caller's `X-Correlation-Id` when it looks like an id,
 * else a new one. Every event the request causes carries it.
 */
export const CorrelationId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => {
    const request = context.switchToHttp().getRequest<{ headers?: Record<string, unknown> }>();
    const header = request.headers?.['x-correlation-id'];
    return typeof header === 'string' && ACCEPTABLE.test(header) ? header : randomUUID();
  },
);
