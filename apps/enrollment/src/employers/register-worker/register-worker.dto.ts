import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISO_DATE_PATTERN, IsNotBlank } from '@santunan/platform';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { WageDto } from '../shared/wage.dto';

export class RegisterWorkerDto {
  @ApiProperty({
    example: '5371011508900001',
    description: 'NIK, checked as for BPU participants (region codes, birth date, sex).',
  })
  @Matches(/^\d{16}$/, { message: 'nik must be exactly 16 digits' })
  nik!: string;

  @ApiProperty({
    example: 'Yohanes Bria',
    maxLength: 120,
    description: 'Personal data: sealed with the worker’s key.',
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  fullName!: string;

  @ApiProperty({ example: '1990-08-15', description: 'YYYY-MM-DD; must agree with the NIK.' })
  @Matches(ISO_DATE_PATTERN, { message: 'birthDate must be YYYY-MM-DD' })
  birthDate!: string;

  @ApiProperty({ enum: ['male', 'female'] })
  @IsIn(['male', 'female'])
  sex!: 'male' | 'female';

  @ApiPropertyOptional({
    example: 'soe',
    description: 'The branch the worker works at; absent for the employer’s own address.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  branchId?: string;

  @ApiProperty({
    example: '2026-12-01',
    description: 'First day of work: the 7 working days to report it run from here.',
  })
  @Matches(ISO_DATE_PATTERN, { message: 'startedOn must be YYYY-MM-DD' })
  startedOn!: string;

  @ApiProperty({ type: WageDto })
  @ValidateNested()
  @Type(() => WageDto)
  wage!: WageDto;

  @ApiProperty({ description: 'Whether the worker takes part in JKP (job-loss insurance).' })
  @IsBoolean()
  jkpParticipant!: boolean;
}
