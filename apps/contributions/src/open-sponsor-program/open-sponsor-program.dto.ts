import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SPONSOR_TYPES, type SponsorType } from '@santunan/contracts';
import { ISO_MONTH_PATTERN } from '@santunan/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PROGRAM_ID_PATTERN } from '../shared/calendar.dto';
import { MonthlyContributionDto } from '../program-report/program-report.dto';

export class OpenSponsorProgramDto {
  @ApiPropertyOptional({
    example: 'ntt-2026',
    description: 'Chosen by the sponsor (enrollment files name it); a UUID when omitted.',
  })
  @IsOptional()
  @Matches(PROGRAM_ID_PATTERN, {
    message: 'programId must be lower-case letters, digits and dashes',
  })
  programId?: string;

  @ApiProperty({ example: 'Bantuan iuran pekerja rentan Provinsi NTT 2026', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: SPONSOR_TYPES, example: 'province' })
  @IsIn(SPONSOR_TYPES)
  sponsorType!: SponsorType;

  @ApiProperty({ example: 'PKS/53/BPJSTK/2025/117', description: 'Cooperation agreement number.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  pksNumber!: string;

  @ApiProperty({ example: 10_080_000_000, description: 'Integer rupiah.' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  budget!: number;

  @ApiProperty({ example: '2026-01' })
  @Matches(ISO_MONTH_PATTERN, { message: 'firstMonth must be YYYY-MM' })
  firstMonth!: string;

  @ApiProperty({ example: '2026-12' })
  @Matches(ISO_MONTH_PATTERN, { message: 'lastMonth must be YYYY-MM' })
  lastMonth!: string;

  @ApiPropertyOptional({
    example: 1_000_000,
    description: 'Income the tariff is assessed on; the BPU floor in force when omitted.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  declaredIncome?: number;

  @ApiPropertyOptional({
    type: [String],
    description: 'Users (token subjects) who operate the program; the caller when omitted.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  operatorIds?: string[];
}

export class SponsorProgramDto {
  @ApiProperty({ example: 'ntt-2026' })
  programId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: SPONSOR_TYPES })
  sponsorType!: string;

  @ApiProperty({
    enum: ['apbd', 'other-sponsor'],
    description: 'APBD is never discounted (PP 50/2025).',
  })
  payerType!: string;

  @ApiProperty()
  pksNumber!: string;

  @ApiProperty({ example: 10_080_000_000 })
  budget!: number;

  @ApiProperty({ example: '2026-01' })
  firstMonth!: string;

  @ApiProperty({ example: '2026-12' })
  lastMonth!: string;

  @ApiProperty({ example: 12 })
  months!: number;

  @ApiProperty({ example: 1_000_000 })
  declaredIncome!: number;

  @ApiProperty({
    type: MonthlyContributionDto,
    description: 'Tariff per worker per month (rules library).',
  })
  contribution!: MonthlyContributionDto;

  @ApiProperty({ type: [String] })
  ruleSetIds!: string[];

  @ApiProperty({ example: 50_000, description: 'floor(budget ÷ (tariff × months)).' })
  quota!: number;

  @ApiProperty({
    example: 201_600,
    description: 'Tariff × months: one worker for the whole period.',
  })
  costPerWorker!: number;

  @ApiProperty({ example: 10_080_000_000, description: 'Quota × cost per worker.' })
  quotaCost!: number;

  @ApiProperty({ enum: ['open', 'closed'] })
  status!: string;

  @ApiProperty({ type: [String] })
  operatorIds!: string[];

  @ApiProperty({ description: 'The program stream’s version after the command.' })
  version!: number;

  @ApiProperty({ description: 'False when the same opening was sent again.' })
  changed!: boolean;
}
