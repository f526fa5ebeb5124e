import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { PROGRAM_ID_PATTERN } from '../shared/calendar.dto';

export class ProgramIdParams {
  @ApiProperty({ example: 'ntt-2026' })
  @IsString()
  @Matches(PROGRAM_ID_PATTERN, {
    message: 'programId must be lower-case letters, digits and dashes',
  })
  programId!: string;
}

export class MonthlyContributionDto {
  @ApiProperty({ example: 10_000, description: 'JKK, integer rupiah per worker per month.' })
  jkk!: number;

  @ApiProperty({ example: 6_800, description: 'JKM, integer rupiah per worker per month.' })
  jkm!: number;

  @ApiProperty({ example: 16_800 })
  total!: number;
}

/** Budget committed against budget spent; every amount is integer rupiah. */
export class ProgramReportDto {
  @ApiProperty({ example: 'ntt-2026' })
  programId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ['province', 'regency', 'village', 'csr'] })
  sponsorType!: string;

  @ApiProperty({ enum: ['apbd', 'other-sponsor'] })
  payerType!: string;

  @ApiProperty()
  pksNumber!: string;

  @ApiProperty({ example: '2026-01' })
  firstMonth!: string;

  @ApiProperty({ example: '2026-12' })
  lastMonth!: string;

  @ApiProperty({ type: MonthlyContributionDto })
  contribution!: MonthlyContributionDto;

  @ApiProperty({ example: 10_080_000_000 })
  budget!: number;

  @ApiProperty({ example: 50_000 })
  quota!: number;

  @ApiProperty({ description: 'Sponsorships running (not ended by a death).' })
  enrolled!: number;

  @ApiProperty()
  sponsorshipsEnded!: number;

  @ApiProperty({
    description: 'Tariff × sponsored months of every enrolment, less what deaths released.',
  })
  committed!: number;

  @ApiProperty({ description: 'Budget − committed.' })
  uncommittedBudget!: number;

  @ApiProperty({ description: 'Sum of the monthly statements.' })
  billed!: number;

  @ApiProperty({ description: 'Money the sponsor sent.' })
  received!: number;

  @ApiProperty({ description: 'Received money allocated to whole dues.' })
  paid!: number;

  @ApiProperty({
    description: 'Received but short of a whole due, waiting for the month’s next payment.',
  })
  held!: number;

  @ApiProperty({ description: 'Owed back to the sponsor for months after deaths.' })
  refunded!: number;

  @ApiProperty({
    description: 'The refunds by the month they were paid for, e.g. {"2026-04": 16800}.',
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  refundedByMonth!: Record<string, number>;

  @ApiProperty({ description: 'Budget − received + refunded.' })
  remainingBudget!: number;

  @ApiProperty({ description: 'When the report last changed (recordedAt of its last event).' })
  updatedAt!: string;
}
