import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SPONSOR_TYPES, type SponsorType } from '@santunan/contracts';
import { ISO_MONTH_PATTERN } from '@santunan/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MonthlyContributionDto } from '../program-report/program-report.dto';

/** A program as its list shows it: its terms and, once the report is built, where it stands. */
export class ProgramSummaryDto {
  @ApiProperty({ example: 'ntt-2026' })
  programId!: string;

  @ApiProperty({ example: '2026-01' })
  firstMonth!: string;

  @ApiProperty({ example: '2026-12' })
  lastMonth!: string;

  @ApiPropertyOptional({ nullable: true, description: 'Null until the report is built.' })
  name!: string | null;

  @ApiPropertyOptional({ nullable: true, enum: SPONSOR_TYPES })
  sponsorType!: string | null;

  @ApiPropertyOptional({ nullable: true })
  budget!: number | null;

  @ApiPropertyOptional({ nullable: true })
  quota!: number | null;

  @ApiPropertyOptional({ nullable: true })
  enrolled!: number | null;

  @ApiPropertyOptional({ nullable: true })
  billed!: number | null;

  @ApiPropertyOptional({ nullable: true })
  received!: number | null;

  @ApiPropertyOptional({ nullable: true })
  paid!: number | null;

  @ApiPropertyOptional({ nullable: true })
  remainingBudget!: number | null;
}

export class ProgramListDto {
  @ApiProperty({ type: [ProgramSummaryDto] })
  programs!: ProgramSummaryDto[];
}

/** The terms of a program not opened yet: what its quota would be. */
export class ProgramQuoteQuery {
  @ApiProperty({ example: 10_080_000_000, description: 'Integer rupiah.' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  budget!: number;

  @ApiProperty({ example: '2026-01' })
  @Matches(ISO_MONTH_PATTERN, { message: 'firstMonth must be YYYY-MM' })
  firstMonth!: string;

  @ApiProperty({ example: '2026-12' })
  @Matches(ISO_MONTH_PATTERN, { message: 'lastMonth must be YYYY-MM' })
  lastMonth!: string;

  @ApiPropertyOptional({ enum: SPONSOR_TYPES, default: 'province' })
  @IsOptional()
  @IsIn(SPONSOR_TYPES)
  sponsorType?: SponsorType;

  @ApiPropertyOptional({ example: 1_000_000, description: 'The BPU floor in force when omitted.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  declaredIncome?: number;
}

export class ProgramQuoteDto {
  @ApiProperty({ example: 10_080_000_000 })
  budget!: number;

  @ApiProperty({ example: 12 })
  months!: number;

  @ApiProperty({ example: 1_000_000 })
  declaredIncome!: number;

  @ApiProperty({ enum: ['apbd', 'other-sponsor'] })
  payerType!: string;

  @ApiProperty({ type: MonthlyContributionDto, description: 'Tariff per worker per month.' })
  contribution!: MonthlyContributionDto;

  @ApiProperty({ type: [String] })
  ruleSetIds!: string[];

  @ApiProperty({ example: 201_600, description: 'Tariff × months.' })
  costPerWorker!: number;

  @ApiProperty({ example: 50_000, description: 'floor(budget ÷ (tariff × months)).' })
  quota!: number;

  @ApiProperty({ example: 10_080_000_000, description: 'Quota × cost per worker.' })
  quotaCost!: number;

  @ApiProperty({ example: 0, description: 'Budget − quota cost: what no whole worker uses.' })
  remainder!: number;
}

/** One issued month of a program: as billed, and where it stands now. */
export class StatementMonthDto {
  @ApiProperty({ example: '2026-01' })
  month!: string;

  @ApiProperty()
  issuedAt!: string;

  @ApiProperty({ example: '2026-01-15' })
  dueDate!: string;

  @ApiProperty({ description: 'Dues as issued.' })
  dues!: number;

  @ApiProperty({ description: 'The statement total as issued (billed).' })
  billed!: number;

  @ApiProperty({ description: 'Dues of the month now (deaths may have ended some).' })
  duesNow!: number;

  @ApiProperty({ description: 'Billed less the dues now: released after deaths.' })
  releasedAfterDeaths!: number;

  @ApiProperty({
    description: 'Paid for the month, then owed back to the sponsor after deaths (RefundDue).',
  })
  refundedAfterDeaths!: number;

  @ApiProperty({ description: 'Money the sponsor sent for the month.' })
  received!: number;

  @ApiProperty({ description: 'Received money allocated to whole dues.' })
  paid!: number;

  @ApiProperty({ description: 'Received but short of a whole due.' })
  held!: number;

  @ApiProperty({ description: 'What the month still owes.' })
  outstanding!: number;

  @ApiProperty()
  payments!: number;
}

export class StatementMonthsDto {
  @ApiProperty({ example: 'ntt-2026' })
  programId!: string;

  @ApiProperty({ type: [StatementMonthDto] })
  months!: StatementMonthDto[];
}
