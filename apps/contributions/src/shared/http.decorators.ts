import { randomUUID } from 'node:crypto';
import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemDetailsDto } from './problem-details.dto';

const ACCEPTABLE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The request's correlation id: the caller's `X-Correlation-Id` when it looks like an id,
 * else a new one. Every event the request causes carries it.
 */
export const CorrelationId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => {
    const request = context.switchToHttp().getRequest<{ headers?: Record<string, unknown> }>();
    const header = request.headers?.['x-correlation-id'];
    return typeof header === 'string' && ACCEPTABLE_CORRELATION_ID.test(header)
      ? header
      : randomUUID();
  },
);

/** Every protected route: bearer token, 401 without a valid one, 403 without the role. */
export const ProtectedRoute = (): ClassDecorator & MethodDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      type: ProblemDetailsDto,
      description: 'AUTH_TOKEN_MISSING, AUTH_TOKEN_INVALID or AUTH_TOKEN_EXPIRED',
    }),
    ApiForbiddenResponse({
      type: ProblemDetailsDto,
      description: 'AUTH_FORBIDDEN_ROLE, or PROGRAM_NOT_OPERATED for another sponsor’s program',
    }),
  );
