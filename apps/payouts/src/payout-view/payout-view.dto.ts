import { BATCH_STATUSES, type BatchStatus } from './payout-view.reader';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PAYOUT_PROGRAMS,
  PAYOUT_STATUSES,
  type PayoutProgram,
  type PayoutStatus,
} from '@santunan/contracts';
import { OffsetPageQuery } from '@santunan/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';

/** The benefit types a payout can carry (those of a claim decision). */
export const PAYOUT_BENEFIT_TYPES = [
  'jkk-death',
  'jkk-total-permanent-disability',
  'jkk-partial-disability',
  'jkk-temporary-incapacity',
  'jkk-care-and-reimbursement',
  'jkm-death',
] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `true`/`1` and `false`/`0` in a query string; anything else is left for IsBoolean to refuse. */
const flag = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

export class PayoutQueryDto extends OffsetPageQuery({ defaultLimit: 50, maxLimit: 500 }) {
  @ApiPropertyOptional({ enum: PAYOUT_STATUSES })
  @IsOptional()
  @IsIn(PAYOUT_STATUSES)
  status?: PayoutStatus;

  @ApiPropertyOptional({ enum: PAYOUT_PROGRAMS })
  @IsOptional()
  @IsIn(PAYOUT_PROGRAMS)
  program?: PayoutProgram;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  decisionId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  claimId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  participantId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  batchId?: string;

  @ApiPropertyOptional({ enum: PAYOUT_BENEFIT_TYPES, description: 'The decision’s benefit.' })
  @IsOptional()
  @IsIn(PAYOUT_BENEFIT_TYPES)
  benefitType?: (typeof PAYOUT_BENEFIT_TYPES)[number];

  @ApiPropertyOptional({
    example: '5371',
    description:
      'Kabupaten/kota: the decision’s when it carries one, else the participant’s registration.',
  })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'regencyCode must be four digits' })
  regencyCode?: string;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'SLA due date on or after.' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'dueFrom must be YYYY-MM-DD' })
  dueFrom?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'SLA due date on or before.' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'dueTo must be YYYY-MM-DD' })
  dueTo?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only payouts with (true) or without (false) a reissue awaiting its checker.',
  })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  reissuePending?: boolean;
}

export class PayoutIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  payoutId!: string;
}

export class PayoutBeneficiaryResponse {
  @ApiProperty({ example: 'heir:h-widow' })
  beneficiaryId!: string;

  @ApiProperty({ enum: ['participant', 'heir', 'burial-arranger', 'scholarship-account'] })
  kind!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Null once the participant’s key is erased.',
  })
  fullName!: string | null;
}

export class PayoutAccountResponse {
  @ApiProperty({ example: 'BRI' })
  bankCode!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Whole for finance; last four digits otherwise.',
  })
  accountNumber!: string | null;

  @ApiProperty({ nullable: true, type: String })
  accountName!: string | null;
}

export class PayoutComponentResponse {
  @ApiProperty({
    example: 'JKM_LUMP_SUM',
    description: 'The benefit component of the decision (its explanation names the rule).',
  })
  code!: string;

  @ApiProperty({ type: 'integer', example: 20_000_000, description: 'Whole rupiah.' })
  amount!: number;
}

export class PayoutFailureResponse {
  @ApiProperty({ example: 'ACCOUNT_CLOSED', description: 'The bank’s reason code.' })
  reasonCode!: string;

  @ApiProperty({ example: 'Rekening ditutup' })
  reason!: string;

  @ApiProperty({ example: '2026-03-26', description: 'When it failed or came back.' })
  on!: string;

  @ApiProperty({ type: 'integer', description: 'The attempt that failed.' })
  attempt!: number;
}

export class PendingReissueResponse {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ description: 'The finance officer who asked (the maker).' }) requestedBy!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ example: '2026-03-27' }) requestedOn!: string;
}

export class CompensationResponse {
  @ApiProperty({ type: 'integer', example: 3 }) daysLate!: number;
  @ApiProperty({ example: '2026-03-20', description: 'The SLA due date of the benefit.' })
  dueDate!: string;
  @ApiProperty({ example: '2026-03-25' }) settledOn!: string;
  @ApiProperty({ type: 'integer', example: 42_000_000, description: 'Whole rupiah.' })
  benefitAmount!: number;
}

export class PayoutResponse {
  @ApiProperty({ format: 'uuid' }) payoutId!: string;
  @ApiProperty({ enum: ['benefit', 'late-payment-compensation'] }) kind!: string;
  @ApiProperty({ enum: PAYOUT_PROGRAMS }) program!: string;
  @ApiProperty({ nullable: true, type: String }) benefitType!: string | null;
  @ApiProperty() decisionId!: string;
  @ApiProperty() claimId!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty({ type: PayoutBeneficiaryResponse }) beneficiary!: PayoutBeneficiaryResponse;
  @ApiProperty({ type: PayoutAccountResponse }) bankAccount!: PayoutAccountResponse;
  @ApiProperty({ type: 'integer', example: 42000000, description: 'Whole rupiah.' })
  amount!: number;
  @ApiProperty({ enum: ['IDR'] }) currency!: 'IDR';
  @ApiProperty({ type: [PayoutComponentResponse] })
  components!: readonly PayoutComponentResponse[];
  @ApiProperty({ enum: PAYOUT_STATUSES }) status!: string;
  @ApiProperty() attempt!: number;
  @ApiProperty({ nullable: true, type: String }) batchId!: string | null;
  @ApiProperty({ nullable: true, type: String }) bankReference!: string | null;
  @ApiProperty({ nullable: true, type: String }) dueDate!: string | null;
  @ApiProperty() scheduledOn!: string;
  @ApiProperty({ nullable: true, type: String }) instructedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) settledOn!: string | null;
  @ApiProperty({
    type: PayoutFailureResponse,
    nullable: true,
    description: 'Why the last attempt failed or came back; null otherwise.',
  })
  failure!: PayoutFailureResponse | null;
  @ApiProperty({
    type: PendingReissueResponse,
    nullable: true,
    description: 'A reissue awaiting its checker.',
  })
  pendingReissue!: PendingReissueResponse | null;
  @ApiProperty({ nullable: true, type: String }) compensatesPayoutId!: string | null;
  @ApiProperty({
    type: CompensationResponse,
    nullable: true,
    description: 'A late-payment compensation payout: what it compensates.',
  })
  compensation!: CompensationResponse | null;
  @ApiProperty() version!: number;
}

export class PayoutListResponse {
  @ApiProperty({ type: [PayoutResponse] }) items!: PayoutResponse[];
  @ApiProperty() total!: number;
}

export class PayoutHistoryEntryResponse {
  @ApiProperty() version!: number;
  @ApiProperty() type!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() eventId!: string;
}

export class BatchSummaryResponse {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({
    enum: BATCH_STATUSES,
    description:
      'prepared: file made, not yet with the bank; instructed: marked as handed to the bank; ' +
      'settled: the bank reported an outcome for every payout (ADR 0035).',
  })
  status!: BatchStatus;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Whole rupiah.' }) total!: number;
  @ApiProperty({ enum: ['IDR'] }) currency!: 'IDR';
  @ApiProperty() fileName!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Null for a batch from before ADR 0035.',
  })
  preparedBy!: string | null;
  @ApiProperty() preparedOn!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Who marked it handed to the bank.' })
  instructedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) instructedOn!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The bank’s upload or transfer reference.',
  })
  bankReference!: string | null;
}

export class BatchListResponse {
  @ApiProperty({ type: [BatchSummaryResponse] }) items!: BatchSummaryResponse[];
  @ApiProperty() total!: number;
}

export class PayoutDetailResponse {
  @ApiProperty({ type: PayoutResponse }) payout!: PayoutResponse;
  @ApiProperty({ type: [PayoutHistoryEntryResponse] }) history!: PayoutHistoryEntryResponse[];
}
