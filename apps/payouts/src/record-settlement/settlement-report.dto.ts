import { ApiProperty } from '@nestjs/swagger';
import { SETTLEMENT_OUTCOMES, type SettlementOutcome } from '@santunan/contracts';
import {
  Equals,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

/**
 * `SettlementReport` v1 (libs/contracts/src/payouts/events.ts) — the body of
 * `POST /payout-settlements` and each message of `payouts.settlements`.
 */
export class SettlementReportDto {
  @ApiProperty({ enum: [1] })
  @Equals(1)
  schemaVersion!: 1;

  @ApiProperty({
    example: 'BRI-STMT-20260325-0001',
    description: 'Names the report; a resend keeps it.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reportId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  payoutId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  batchId!: string;

  @ApiProperty({ enum: SETTLEMENT_OUTCOMES })
  @IsIn(SETTLEMENT_OUTCOMES)
  outcome!: SettlementOutcome;

  @ApiProperty({
    example: 'BRI-TRX-8812001',
    description: 'The bank transaction; idempotency key.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  bankReference!: string;

  @ApiProperty({ example: 42000000, description: 'Whole rupiah, as moved by the bank.' })
  @IsInt()
  @Min(1)
  amount!: number;

  @ApiProperty({ example: '2026-03-25', description: 'The bank’s value date.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'valueDate must be YYYY-MM-DD' })
  valueDate!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'ACCOUNT_CLOSED',
    description: 'Required when failed or returned.',
  })
  @ValidateIf(
    (report: SettlementReportDto) => report.outcome !== 'settled' || report.reasonCode !== null,
  )
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reasonCode!: string | null;

  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((report: SettlementReportDto) => report.reason !== null)
  @IsString()
  @MaxLength(500)
  reason!: string | null;

  @ApiProperty({ example: '2026-03-25T10:15:00+07:00' })
  @IsDateString({ strict: true })
  reportedAt!: string;
}
