import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BankAccountDto } from '@santunan/platform';
import { Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class RequestReissueDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Your id for the request: a retry with it changes nothing.',
  })
  @IsOptional()
  @IsUUID()
  requestId?: string;

  @ApiProperty({ type: BankAccountDto, description: 'The corrected account.' })
  @ValidateNested()
  @Type(() => BankAccountDto)
  bankAccount!: BankAccountDto;

  @ApiProperty({ example: 'Rekening lama ditutup; buku tabungan baru diterima', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class ReissueRequestParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  payoutId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  requestId!: string;
}

export class PayoutChangeResponse {
  @ApiProperty({ format: 'uuid' }) payoutId!: string;
  @ApiProperty({ example: 'failed' }) status!: string;
  @ApiProperty({ description: 'False when the command changed nothing (a retry).' })
  changed!: boolean;
  @ApiProperty() version!: number;
}

export class ReissueRequestedResponse extends PayoutChangeResponse {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
}
