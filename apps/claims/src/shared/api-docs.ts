import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiProperty,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

/** RFC 9457 problem details, as every error of this API is answered. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:santunan:problem:maker-checker-same-person' })
  type!: string;

  @ApiProperty({ example: 'The checker must be another person' })
  title!: string;

  @ApiProperty({ example: 403 })
  status!: number;

  @ApiProperty()
  detail!: string;

  @ApiProperty({ example: 'MAKER_CHECKER_SAME_PERSON', description: 'Stable; switch on this.' })
  code!: string;

  @ApiProperty({ required: false, example: '/claims/8d1c…/decisions/2f4a…/approval' })
  instance?: string;
}

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

/** The usual answers of a command on a claim: unknown claim, state conflict, broken rule. */
export const CommandProblems = (codes: {
  readonly notFound?: string;
  readonly conflict?: string;
  readonly unprocessable?: string;
}): MethodDecorator =>
  applyDecorators(
    ...(codes.notFound === undefined
      ? []
      : [ApiNotFoundResponse({ type: ProblemDetailsDto, description: codes.notFound })]),
    ...(codes.conflict === undefined
      ? []
      : [ApiConflictResponse({ type: ProblemDetailsDto, description: codes.conflict })]),
    ...(codes.unprocessable === undefined
      ? []
      : [
          ApiUnprocessableEntityResponse({
            type: ProblemDetailsDto,
            description: codes.unprocessable,
          }),
        ]),
  );
