import { ApiProperty } from '@nestjs/swagger';
import { BUSINESS_SCALES, type BusinessScale } from '@santunan/contracts/employers';
import { BankAccountDto, ISO_DATE_PATTERN, IsNotBlank } from '@santunan/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export class EmployerAddressDto {
  @ApiProperty({ example: 'Jl. Timor Raya 5, Oesapa', maxLength: 250 })
  @IsString()
  @IsNotBlank()
  @MaxLength(250)
  line!: string;

  @ApiProperty({ example: '5371', description: 'Kemendagri kabupaten/kota code (4 digits).' })
  @Matches(/^\d{4}$/, { message: 'regencyCode must be a 4-digit kabupaten/kota code' })
  regencyCode!: string;
}

// Identifier formats are the decider's (NPP_FORMAT, NPWP_FORMAT, …, 422 naming the field);
// the DTO only bounds the strings, so one place says what a valid NPWP is.
export class RegisterEmployerDto {
  @ApiProperty({
    example: '12345678',
    description: 'NPP issued by BPJS Ketenagakerjaan: 8 digits.',
  })
  @IsString()
  @MaxLength(20)
  npp!: string;

  @ApiProperty({ example: 'CV Laut Sawu', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    example: '012345678912000',
    description: 'Company NPWP: 15 or 16 digits, no punctuation.',
  })
  @IsString()
  @MaxLength(30)
  npwp!: string;

  @ApiProperty({ example: '1234567890123', description: 'NIB from OSS: 13 digits.' })
  @IsString()
  @MaxLength(20)
  nib!: string;

  @ApiProperty({ example: '03111', description: 'Business type: KBLI 2020 code (5 digits).' })
  @IsString()
  @MaxLength(10)
  kbli!: string;

  @ApiProperty({
    enum: BUSINESS_SCALES,
    description:
      'Micro and small enterprises may pay under the regional minimum wage (PP 36/2021 Pasal 36).',
  })
  @IsIn(BUSINESS_SCALES)
  businessScale!: BusinessScale;

  @ApiProperty({
    example: 3,
    description:
      'JKK risk class 1–5 (Lampiran I PP 44/2015 as replaced by PP 82/2019); 422 RISK_CLASS_INVALID otherwise.',
  })
  @IsInt()
  riskClass!: number;

  @ApiProperty({
    example: 'Lampiran I PP 44/2015: perikanan tangkap',
    maxLength: 300,
    description:
      'Why the class applies: the Lampiran I entry for the business type, or the decision that set it.',
  })
  @IsString()
  @MaxLength(300)
  riskClassBasis!: string;

  @ApiProperty({ example: '2026-01-01', description: 'The date the risk class applies from.' })
  @Matches(ISO_DATE_PATTERN, { message: 'riskClassEffectiveFrom must be YYYY-MM-DD' })
  riskClassEffectiveFrom!: string;

  @ApiProperty({ type: EmployerAddressDto })
  @ValidateNested()
  @Type(() => EmployerAddressDto)
  address!: EmployerAddressDto;

  @ApiProperty({
    type: BankAccountDto,
    description: 'The company account refunds and reimbursements go to.',
  })
  @ValidateNested()
  @Type(() => BankAccountDto)
  bankAccount!: BankAccountDto;
}

export class EmployerRegistrationResponse {
  @ApiProperty({ example: '12345678' })
  npp!: string;

  @ApiProperty({
    enum: ['registered', 'already-registered'],
    description: '`already-registered` when the same NPP was registered before with the same data.',
  })
  outcome!: 'registered' | 'already-registered';
}

/** Acknowledges a command on an employer or a worker: the stream version it left. */
export class EmployerChangeResponse {
  @ApiProperty({
    description: 'The stream version after the command (unchanged when nothing changed).',
  })
  version!: number;

  @ApiProperty({ description: 'False when the command changed nothing (a retry).' })
  changed!: boolean;
}
