import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AssistiveDevice,
  JkkBenefitKind,
  JkkBenefitLine,
  TransportMode,
} from '@santunan/contracts';
import { BankAccountDto, ISO_DATE_PATTERN } from '@santunan/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ISO_DATE_MESSAGE, validated } from '../shared/http.dto';
import { LodgedClaimDto } from '../shared/lodged-claim.dto';

const BENEFIT_KINDS: readonly JkkBenefitKind[] = [
  'medical-care',
  'home-care',
  'transport',
  'stmb',
  'partial-anatomical-disability',
  'partial-functional-disability',
  'total-permanent-disability',
  'death',
  'orthosis-prosthesis',
  'assistive-device',
];
const TRANSPORT_MODES: readonly TransportMode[] = ['land', 'river', 'sea', 'air'];
const DEVICES: readonly AssistiveDevice[] = ['dentures', 'hearing-aid', 'glasses'];

const is =
  (...kinds: JkkBenefitKind[]) =>
  (line: BenefitLineDto): boolean =>
    kinds.includes(line.kind);

export class HomeCareCostDto {
  @ApiProperty({ example: '2026-11-10' })
  @Matches(ISO_DATE_PATTERN, { message: ISO_DATE_MESSAGE })
  date!: string;

  @ApiProperty({ description: 'Integer rupiah.' })
  @IsInt()
  @Min(0)
  amount!: number;
}

export class TransportLegDto {
  @ApiProperty({ enum: TRANSPORT_MODES, description: 'Each mode has its own cap.' })
  @IsIn(TRANSPORT_MODES)
  mode!: TransportMode;

  @ApiProperty({ description: 'Integer rupiah.' })
  @IsInt()
  @Min(0)
  amount!: number;
}

/**
 * One benefit asked for: `kind` says which members it needs (amounts are integer rupiah,
 * percentages as assessed by the doctor, with at most two decimals).
 */
export class BenefitLineDto {
  @ApiProperty({ enum: BENEFIT_KINDS })
  @IsIn(BENEFIT_KINDS)
  kind!: JkkBenefitKind;

  @ApiPropertyOptional({ description: 'medical-care, assistive-device: integer rupiah claimed.' })
  @ValidateIf(is('medical-care', 'assistive-device'))
  @IsInt()
  @Min(0)
  claimedAmount?: number;

  @ApiPropertyOptional({ description: 'home-care: the first day of care.' })
  @ValidateIf(is('home-care'))
  @Matches(ISO_DATE_PATTERN, { message: ISO_DATE_MESSAGE })
  careStartDate?: string;

  @ApiPropertyOptional({ type: [HomeCareCostDto], description: 'home-care: the receipts.' })
  @ValidateIf(is('home-care'))
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => HomeCareCostDto)
  costs?: HomeCareCostDto[];

  @ApiPropertyOptional({ type: [TransportLegDto], description: 'transport: the legs.' })
  @ValidateIf(is('transport'))
  @IsArray()
  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => TransportLegDto)
  legs?: TransportLegDto[];

  @ApiPropertyOptional({ description: 'stmb: whole months of incapacity, from the first.' })
  @ValidateIf(is('stmb'))
  @IsInt()
  @Min(0)
  months?: number;

  @ApiPropertyOptional({ description: 'stmb: days beyond the whole months.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  extraDays?: number;

  @ApiPropertyOptional({ description: 'partial disability: the table percentage.' })
  @ValidateIf(is('partial-anatomical-disability', 'partial-functional-disability'))
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  tablePercent?: number;

  @ApiPropertyOptional({ description: 'partial functional disability: % loss of function.' })
  @ValidateIf(is('partial-functional-disability'))
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  lossOfFunctionPercent?: number;

  @ApiPropertyOptional({ description: 'orthosis-prosthesis: rehabilitation-centre price.' })
  @ValidateIf(is('orthosis-prosthesis'))
  @IsInt()
  @Min(0)
  price?: number;

  @ApiPropertyOptional({ enum: DEVICES, description: 'assistive-device' })
  @ValidateIf(is('assistive-device'))
  @IsIn(DEVICES)
  device?: AssistiveDevice;
}

export function benefitLineOf(line: BenefitLineDto): JkkBenefitLine {
  switch (line.kind) {
    case 'medical-care':
      return { kind: line.kind, claimedAmount: validated(line.claimedAmount, 'claimedAmount') };
    case 'home-care':
      return {
        kind: line.kind,
        careStartDate: validated(line.careStartDate, 'careStartDate'),
        costs: validated(line.costs, 'costs').map(({ date, amount }) => ({ date, amount })),
      };
    case 'transport':
      return {
        kind: line.kind,
        legs: validated(line.legs, 'legs').map(({ mode, amount }) => ({ mode, amount })),
      };
    case 'stmb':
      return {
        kind: line.kind,
        months: validated(line.months, 'months'),
        ...(line.extraDays === undefined ? {} : { extraDays: line.extraDays }),
      };
    case 'partial-anatomical-disability':
      return { kind: line.kind, tablePercent: validated(line.tablePercent, 'tablePercent') };
    case 'partial-functional-disability':
      return {
        kind: line.kind,
        tablePercent: validated(line.tablePercent, 'tablePercent'),
        lossOfFunctionPercent: validated(line.lossOfFunctionPercent, 'lossOfFunctionPercent'),
      };
    case 'total-permanent-disability':
    case 'death':
      return { kind: line.kind };
    case 'orthosis-prosthesis':
      return { kind: line.kind, price: validated(line.price, 'price') };
    case 'assistive-device':
      return {
        kind: line.kind,
        device: validated(line.device, 'device'),
        claimedAmount: validated(line.claimedAmount, 'claimedAmount'),
      };
    default: {
      const _exhaustive: never = line.kind;
      return _exhaustive;
    }
  }
}

/** JKK stage II: the claim that follows the doctor's statement on a reported accident. */
export class SubmitJkkClaimDto extends LodgedClaimDto {
  @ApiProperty({ format: 'uuid', description: 'The stage I report.' })
  @IsUUID()
  accidentReportId!: string;

  @ApiProperty({ type: [BenefitLineDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => BenefitLineDto)
  benefits!: BenefitLineDto[];

  @ApiPropertyOptional({ example: '2026-11-05', description: 'With a death line only.' })
  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: ISO_DATE_MESSAGE })
  dateOfDeath?: string;

  @ApiPropertyOptional({
    type: BankAccountDto,
    description: 'The living participant’s account (bank book), for STMB, disability, costs.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => BankAccountDto)
  paymentAccount?: BankAccountDto;
}
