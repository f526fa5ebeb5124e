import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PAYOUT_PROGRAMS,
  PAYOUT_STATUSES,
  type PayoutProgram,
  type PayoutStatus,
} from '@santunan/contracts';
import { OffsetPageQuery } from '@santunan/platform';
import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';

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

export class PayoutDetailResponse {
  @ApiProperty({ type: PayoutResponse }) payout!: PayoutResponse;
  @ApiProperty({ type: [PayoutHistoryEntryResponse] }) history!: PayoutHistoryEntryResponse[];
}
