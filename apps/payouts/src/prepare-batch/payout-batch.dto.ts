import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYOUT_PROGRAMS, type PayoutProgram } from '@santunan/contracts';
import { BatchSummaryResponse } from '../payout-view/payout-view.dto';
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
  @ApiProperty({
    enum: ['prepared', 'instructed'],
    description: 'Prepared until a finance officer marks its file as handed to the bank.',
  })
  status!: 'prepared' | 'instructed';
  @ApiProperty({ type: [BatchedPayoutResponse] }) payouts!: BatchedPayoutResponse[];
  @ApiProperty({ description: 'Whole rupiah.' }) total!: number;
  @ApiProperty() fileName!: string;
  @ApiProperty() preparedOn!: string;
}

export class BatchPayoutStatusResponse extends BatchedPayoutResponse {
  @ApiProperty({ description: 'Where the payout stands now (superseded-attempt: reissued since).' })
  status!: string;
}

export class PayoutBatchDetailResponse extends BatchSummaryResponse {
  @ApiProperty({ type: [BatchPayoutStatusResponse] }) payouts!: BatchPayoutStatusResponse[];
}
