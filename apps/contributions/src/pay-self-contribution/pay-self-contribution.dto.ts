import { ApiProperty } from '@nestjs/swagger';
import { ISO_DATE_PATTERN, ISO_INSTANT_PATTERN, ISO_MONTH_PATTERN } from '@santunan/platform';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class PaySelfContributionDto {
  @ApiProperty({
    example: 'VA-8801-2026-000123',
    description: 'The bank or counter reference: unique across all participants and programs.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  paymentReference!: string;

  @ApiProperty({ example: '2026-01', description: 'The oldest unpaid month of the membership.' })
  @Matches(ISO_MONTH_PATTERN, { message: 'firstMonth must be YYYY-MM' })
  firstMonth!: string;

  @ApiProperty({ enum: [1, 3, 6, 12], example: 3 })
  @IsIn([1, 3, 6, 12])
  months!: number;

  @ApiProperty({ example: 50_400, description: 'Exactly what the months cost, integer rupiah.' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;

  @ApiProperty({ example: '2026-01-10T09:00:00+07:00' })
  @Matches(ISO_INSTANT_PATTERN, { message: 'paidAt must be an ISO-8601 instant with an offset' })
  paidAt!: string;

  @ApiProperty({ example: '2026-01-10' })
  @Matches(ISO_DATE_PATTERN, { message: 'paidOn must be YYYY-MM-DD' })
  paidOn!: string;
}

export class PaidMonthDto {
  @ApiProperty({ example: '2026-01' })
  month!: string;

  @ApiProperty({ example: 10_000 })
  jkk!: number;

  @ApiProperty({ example: 6_800 })
  jkm!: number;

  @ApiProperty({ example: 16_800 })
  amount!: number;
}

export class SelfPaymentDto {
  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty()
  paymentReference!: string;

  @ApiProperty({ type: [PaidMonthDto] })
  paidMonths!: PaidMonthDto[];

  @ApiProperty()
  amount!: number;

  @ApiProperty({ description: 'False when the same payment was recorded before.' })
  changed!: boolean;

  @ApiProperty({ nullable: true, type: String, example: '2026-03' })
  paidThrough!: string | null;

  @ApiProperty({ enum: ['awaiting-first-payment', 'active', 'in-arrears', 'lapsed'] })
  standing!: string;

  @ApiProperty({ description: 'Masa iur: distinct paid months.' })
  masaIurMonths!: number;
}
