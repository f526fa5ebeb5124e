import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/**
 * RFC 9457 problem details as the OpenAPI documents describe them (`ProblemDetails` in every
 * service's components): the shape `ProblemDetailsFilter` writes for every error.
 */
@ApiSchema({
  name: 'ProblemDetails',
  description:
    'RFC 9457 problem details, as every error of this API is answered (application/problem+json). ' +
    'Switch on `code`; titles and details may change. Some problems carry more members ' +
    '(e.g. `requiredRoles`, the ids concerned, amounts).',
})
export class ProblemDetailsDto {
  @ApiProperty({
    example: 'urn:santunan:problem:validation-failed',
    description: '`urn:santunan:problem:` and the code in kebab case.',
  })
  type!: string;

  @ApiProperty({ example: 'The request is not valid' })
  title!: string;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 })
  status!: number;

  @ApiProperty({ example: 'Invalid field(s): /nik' })
  detail!: string;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable; switch on this.' })
  code!: string;

  @ApiPropertyOptional({
    example: '/participants',
    description: 'The request path (never its query string).',
  })
  instance?: string;

  @ApiPropertyOptional({
    example: '/declaredIncome',
    description:
      'A rule broken by one request field (422): its JSON pointer (RFC 6901), as in `errors[].field` of a 400.',
  })
  field?: string;
}

/** One failed constraint of a request field (see FieldError). */
@ApiSchema({ name: 'FieldError' })
export class FieldErrorDto {
  @ApiProperty({
    example: '/heirs/0/nik',
    description: 'JSON pointer (RFC 6901) to the field in the request body, query or path.',
  })
  field!: string;

  @ApiProperty({ example: 'matches', description: 'The constraint that failed.' })
  constraint!: string;

  @ApiProperty({ example: 'nik must be exactly 16 digits' })
  message!: string;
}

/** A 400: `VALIDATION_FAILED` lists every failed constraint; values are never echoed. */
@ApiSchema({
  name: 'ValidationProblemDetails',
  description:
    'Problem details of a 400. `VALIDATION_FAILED` lists each failed field and constraint in ' +
    '`errors` (never the values sent); other 400 codes (a body that is not JSON: `BAD_REQUEST`; one nested too deeply: `BODY_TOO_DEEP`) have no `errors`.',
})
export class ValidationProblemDetailsDto extends ProblemDetailsDto {
  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}
