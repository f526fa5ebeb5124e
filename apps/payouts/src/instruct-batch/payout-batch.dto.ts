import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYOUT_PROGRAMS, type PayoutProgram } from '@santunan/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class CreatePayoutBatchDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Your id for the batch: a retry with it returns the same batch.',
  })
  @IsOptional()
  @IsUUID()
  batchId?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Only these payouts (those still scheduled).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID(undefined, { each: true })
  payoutIds?: string[];

  @ApiPropertyOptional({
    enum: PAYOUT_PROGRAMS,
    description: 'Without payoutIds: only this program’s scheduled payouts.',
  })
  @IsOptional()
  @IsIn(PAYOUT_PROGRAMS)
  program?: PayoutProgram;

  @ApiPropertyOptional({ default: 1000, maximum: 5000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;
}

export class BatchIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  batchId!: string;
}

export class BatchedPayoutResponse {
  @ApiProperty({ format: 'uuid' }) payoutId!: string;
  @ApiProperty() attempt!: number;
  @ApiProperty({ description: 'Whole rupiah.' }) amount!: number;
}

export class PayoutBatchResponse {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ description: 'False when the batch existed (a retried request).' })
  created!: boolean;
  @ApiProperty({ type: [BatchedPayoutResponse] }) payouts!: BatchedPayoutResponse[];
  @ApiProperty({ description: 'Whole rupiah.' }) total!: number;
  @ApiProperty() fileName!: string;
  @ApiProperty() instructedOn!: string;
}

export class BatchPayoutStatusResponse extends BatchedPayoutResponse {
  @ApiProperty({ description: 'Where the payout stands now (superseded-attempt: reissued since).' })
  status!: string;
}

export class PayoutBatchDetailResponse {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty() count!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ enum: ['IDR'] }) currency!: 'IDR';
  @ApiProperty() fileName!: string;
  @ApiProperty() instructedBy!: string;
  @ApiProperty() instructedOn!: string;
  @ApiProperty({ type: [BatchPayoutStatusResponse] }) payouts!: BatchPayoutStatusResponse[];
}
