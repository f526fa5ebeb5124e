import { ApiProperty } from '@nestjs/swagger';

/** RFC 9457 problem details, as every error of this API is answered. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:santunan:problem:program-quota-exhausted' })
  type!: string;

  @ApiProperty({ example: 'Program quota or budget exhausted' })
  title!: string;

  @ApiProperty({ example: 409 })
  status!: number;

  @ApiProperty()
  detail!: string;

  @ApiProperty({ example: 'PROGRAM_QUOTA_EXHAUSTED', description: 'Stable; switch on this.' })
  code!: string;

  @ApiProperty({ required: false, example: '/programs/ntt-2026/enrolments' })
  instance?: string;
}
