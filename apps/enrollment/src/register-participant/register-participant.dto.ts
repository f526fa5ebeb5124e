import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISO_DATE_PATTERN, ISO_MONTH_PATTERN, IsNotBlank } from '@santunan/platform';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AddressDto, PHONE_PATTERN } from '../shared/participant.dto';

export class RegisterParticipantDto {
  @ApiProperty({
    example: '5371011508900001',
    description:
      'NIK: province, kabupaten/kota, kecamatan, birth date DDMMYY (women: day + 40), serial.',
  })
  @Matches(/^\d{16}$/, { message: 'nik must be exactly 16 digits' })
  nik!: string;

  @ApiProperty({ example: 'Yohanes Bria', maxLength: 120 })
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

  @ApiProperty({ type: AddressDto })
  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;

  @ApiProperty({ example: '+6281234567890' })
  @Matches(PHONE_PATTERN, { message: 'phone must be 8–15 digits, optionally with a leading +' })
  phone!: string;

  @ApiProperty({ example: 'nelayan', maxLength: 80 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  occupation!: string;

  @ApiProperty({
    example: 1_000_000,
    description:
      'Declared monthly income, whole rupiah, from the BPU floor to the ceiling in force (422 INCOME_BELOW_FLOOR, INCOME_ABOVE_CEILING).',
  })
  @IsInt()
  @Min(0)
  declaredIncome!: number;

  @ApiProperty({
    example: '2026-01',
    description: 'Month (YYYY-MM) the declared income applies from.',
  })
  @Matches(ISO_MONTH_PATTERN, { message: 'incomeEffectiveFrom must be YYYY-MM' })
  incomeEffectiveFrom!: string;

  @ApiPropertyOptional({
    example: 'ntt-2026',
    description: 'The sponsor program that pays the contributions; absent for self-paying.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'sponsorProgramId is not a program id' })
  sponsorProgramId?: string;
}

export class RegistrationResponse {
  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({
    enum: ['registered', 'already-registered'],
    description: '`already-registered` when the same NIK was registered before with the same data.',
  })
  outcome!: 'registered' | 'already-registered';
}
