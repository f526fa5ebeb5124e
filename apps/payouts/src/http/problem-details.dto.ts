import { ApiProperty } from '@nestjs/swagger';

/** RFC 9457 problem details, as every error of this API is answered. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:santunan:problem:payout-not-instructed' })
  type!: string;

  @ApiProperty({ example: 'The payout is not with the bank' })
  title!: string;

  @ApiProperty({ example: 409 })
  status!: number;

  @ApiProperty()
  detail!: string;

  @ApiProperty({ example: 'PAYOUT_NOT_INSTRUCTED', description: 'Stable; switch on this.' })
  code!: string;

  @ApiProperty({ required: false, example: '/payout-settlements' })
  instance?: string;
}
