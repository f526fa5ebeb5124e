import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemDetailsDto } from './common.dto';

/** Every protected route: bearer token, 401 without a valid one, 403 without the role. */
export const ProtectedRoute = (): ClassDecorator & MethodDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      type: ProblemDetailsDto,
      description: 'AUTH_TOKEN_MISSING, AUTH_TOKEN_INVALID or AUTH_TOKEN_EXPIRED',
    }),
    ApiForbiddenResponse({ type: ProblemDetailsDto, description: 'AUTH_FORBIDDEN_ROLE' }),
  );
