import { IsNotBlank } from '@santunan/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AddressDto, PHONE_PATTERN } from '../shared/participant.dto';

/** Only the fields given are corrected; NIK, birth date and sex are not correctable here. */
export class CorrectParticipantDetailsDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  fullName?: string;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ example: '+6281234567890' })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'phone must be 8–15 digits, optionally with a leading +' })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 80 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  occupation?: string;

  @ApiProperty({ example: 'name spelled as on the KTP', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
