import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PAYOUT_PROGRAMS,
  PAYOUT_STATUSES,
  type PayoutProgram,
  type PayoutStatus,
} from '@santunan/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';

export class PayoutQueryDto {
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

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
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
  @ApiProperty({ example: 42000000, description: 'Whole rupiah.' }) amount!: number;
  @ApiProperty({ enum: ['IDR'] }) currency!: 'IDR';
  @ApiProperty({ example: [{ code: 'JKM_LUMP_SUM', amount: 20000000 }] }) components!: object[];
  @ApiProperty({ enum: PAYOUT_STATUSES }) status!: string;
  @ApiProperty() attempt!: number;
  @ApiProperty({ nullable: true, type: String }) batchId!: string | null;
  @ApiProperty({ nullable: true, type: String }) bankReference!: string | null;
  @ApiProperty({ nullable: true, type: String }) dueDate!: string | null;
  @ApiProperty() scheduledOn!: string;
  @ApiProperty({ nullable: true, type: String }) instructedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) settledOn!: string | null;
  @ApiProperty({ nullable: true, type: Object }) failure!: unknown;
  @ApiProperty({ nullable: true, type: Object }) pendingReissue!: object | null;
  @ApiProperty({ nullable: true, type: String }) compensatesPayoutId!: string | null;
  @ApiProperty({ nullable: true, type: Object }) compensation!: object | null;
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
