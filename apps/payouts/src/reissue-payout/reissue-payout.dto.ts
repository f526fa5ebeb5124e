import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class CorrectedBankAccountDto {
  @ApiProperty({ example: 'BNI', description: 'Bank code.' })
  @Matches(/^[A-Za-z0-9]{2,12}$/, { message: 'bankCode must be 2–12 letters or digits' })
  bankCode!: string;

  @ApiProperty({ example: '0123456789' })
  @Matches(/^\d{5,34}$/, { message: 'accountNumber must be 5–34 digits' })
  accountNumber!: string;

  @ApiProperty({ example: 'Maria Bria', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  accountName!: string;
}

export class RequestReissueDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Your id for the request: a retry with it changes nothing.',
  })
  @IsOptional()
  @IsUUID()
  requestId?: string;

  @ApiProperty({ type: CorrectedBankAccountDto })
  @ValidateNested()
  @Type(() => CorrectedBankAccountDto)
  bankAccount!: CorrectedBankAccountDto;

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
