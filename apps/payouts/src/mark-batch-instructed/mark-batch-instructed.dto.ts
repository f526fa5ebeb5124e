import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BANK_REFERENCE_MAX_LENGTH } from '@santunan/payouts-domain';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { BatchedPayoutResponse } from '../prepare-batch/payout-batch.dto';

export class MarkBatchInstructedDto {
  @ApiPropertyOptional({
    maxLength: BANK_REFERENCE_MAX_LENGTH,
    description:
      'The bank’s reference for the upload or transfer of the file (its portal’s or host-to-host id). ' +
      'May be given later by marking again; never changed once recorded.',
    example: 'H2H-20260317-0042',
  })
  @IsOptional()
  // A blank field (the console's empty input) is no reference; one is kept without its spaces.
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() || undefined : value,
  )
  @IsString()
  @MinLength(1)
  @MaxLength(BANK_REFERENCE_MAX_LENGTH)
  // Printable characters only: it is shown to finance and written in reports.
  @Matches(/^[\x20-\x7E]+$/, { message: 'bankReference must be printable ASCII' })
  bankReference?: string;
}

export class InstructedBatchResponse {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ enum: ['instructed'] }) status!: 'instructed';
  @ApiProperty({ description: 'False when the batch had been marked already.' })
  changed!: boolean;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Whole rupiah.' }) total!: number;
  @ApiProperty() fileName!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Null for a batch from before ADR 0035.',
  })
  preparedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) preparedOn!: string | null;
  @ApiProperty() instructedBy!: string;
  @ApiProperty() instructedOn!: string;
  @ApiProperty({ nullable: true, type: String }) bankReference!: string | null;
  @ApiProperty({ type: [BatchedPayoutResponse] }) payouts!: BatchedPayoutResponse[];
}
