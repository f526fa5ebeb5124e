import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HEIR_RELATIONSHIPS, type HeirRelationship } from '@santunan/contracts';
import { BankAccountDto, ISO_DATE_PATTERN, IsNotBlank } from '@santunan/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class HeirDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Keep the id of an heir designated before; a new heir gets one.',
  })
  @IsOptional()
  @IsUUID()
  heirId?: string;

  @ApiProperty({ example: 'Maria Bria', maxLength: 120 })
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  fullName!: string;

  @ApiProperty({ enum: HEIR_RELATIONSHIPS, description: 'Ahli waris relationship (PP 82/2019).' })
  @IsIn(HEIR_RELATIONSHIPS)
  relationship!: HeirRelationship;

  @ApiPropertyOptional({ example: '1992-03-05' })
  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: 'birthDate must be YYYY-MM-DD' })
  birthDate?: string;

  @ApiPropertyOptional({ type: BankAccountDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BankAccountDto)
  bankAccount?: BankAccountDto;
}

/** The whole list as it should stand: a designation replaces the previous one. */
export class DesignateHeirsDto {
  @ApiProperty({ type: [HeirDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => HeirDto)
  heirs!: HeirDto[];
}
