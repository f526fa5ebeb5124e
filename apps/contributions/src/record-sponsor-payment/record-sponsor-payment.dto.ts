import { ApiProperty } from '@nestjs/swagger';
import { ISO_DATE_PATTERN, ISO_INSTANT_PATTERN, ISO_MONTH_PATTERN } from '@santunan/platform';
import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class RecordSponsorPaymentDto {
  @ApiProperty({ example: '2026-01', description: 'The coverage month the payment is for.' })
  @Matches(ISO_MONTH_PATTERN, { message: 'month must be YYYY-MM' })
  month!: string;

  @ApiProperty({
    example: 'SP2D-NTT-2026-01',
    description: 'The bank reference: the same reference again is the same payment.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  paymentReference!: string;

  @ApiProperty({ example: 840_000_000, description: 'Integer rupiah.' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;

  @ApiProperty({ example: '2026-01-14T10:00:00+08:00', description: 'Instant with offset.' })
  @Matches(ISO_INSTANT_PATTERN, { message: 'paidAt must be an ISO-8601 instant with an offset' })
  paidAt!: string;

  @ApiProperty({ example: '2026-01-14', description: 'Value date (Asia/Jakarta).' })
  @Matches(ISO_DATE_PATTERN, { message: 'paidOn must be YYYY-MM-DD' })
  paidOn!: string;
}

/** What the month of the program stands at after the payment. */
export class MonthLedgerDto {
  @ApiProperty({ description: 'Dues of the month (sponsored participants), in enrolment order.' })
  dues!: number;

  @ApiProperty({ description: 'Dues paid: the first this many in enrolment order.' })
  paidDues!: number;

  @ApiProperty({ description: 'Dues up to this enrolment number are paid.' })
  paidThroughEnrolment!: number;

  @ApiProperty()
  received!: number;

  @ApiProperty()
  allocated!: number;

  @ApiProperty({ description: 'Received but short of one more whole due.' })
  held!: number;

  @ApiProperty({ description: 'Still owed for the month (held money deducted).' })
  outstanding!: number;
}

export class SponsorPaymentDto {
  @ApiProperty({ example: 'ntt-2026' })
  programId!: string;

  @ApiProperty({ example: '2026-01' })
  month!: string;

  @ApiProperty()
  paymentReference!: string;

  @ApiProperty()
  amount!: number;

  @ApiProperty({ description: 'False when the same payment was recorded before.' })
  changed!: boolean;

  @ApiProperty({ type: MonthLedgerDto })
  ledger!: MonthLedgerDto;
}
