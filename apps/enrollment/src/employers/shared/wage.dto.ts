import { ApiProperty } from '@nestjs/swagger';
import { WAGE_BASES, type WageBasis } from '@santunan/contracts/employers';
import { IsIn, IsNumber } from 'class-validator';

export class WageDto {
  @ApiProperty({
    enum: WAGE_BASES,
    description:
      'monthly: basic wage + fixed allowances; daily: the day’s wage (× 25 a month); piece-rate: the average a month.',
  })
  @IsIn(WAGE_BASES)
  basis!: WageBasis;

  @ApiProperty({
    example: 5_000_000,
    description:
      'Whole rupiah (422 WAGE_NOT_INTEGER_RUPIAH otherwise); the monthly wage must reach the regional minimum in force (422 WAGE_BELOW_MINIMUM) unless the employer is a micro or small enterprise.',
  })
  // A number here, whole rupiah in the decider: a fraction is refused there with its own code.
  @IsNumber()
  amount!: number;
}

export class ReportTimelinessResponse {
  @ApiProperty({ example: '2026-12-07' })
  reportedOn!: string;

  @ApiProperty({
    example: '2026-12-10',
    description: '7 working days after the change (PP 44/2015 Pasal 9).',
  })
  dueBy!: string;

  @ApiProperty({ description: 'Reported after dueBy: recorded all the same, and visible as late.' })
  late!: boolean;

  @ApiProperty({ example: 0 })
  workingDaysLate!: number;
}

/** A worker command's answer: the stream version and, when it recorded a change, its timeliness. */
export class WorkerChangeResponse {
  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty({ description: 'False when the command changed nothing (a retry).' })
  changed!: boolean;

  @ApiProperty({ type: ReportTimelinessResponse, nullable: true, description: 'Null for a retry.' })
  report!: ReportTimelinessResponse | null;
}
