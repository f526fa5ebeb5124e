import type { ClaimBenefitType, ClaimProgram } from '@santunan/contracts';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ApprovalDto, ComponentAmountDto, ISO_DATE, PayeeDto } from './decision-payload.dto';

const PROGRAMS: readonly ClaimProgram[] = ['jkk', 'jkm'];
const BENEFIT_TYPES: readonly ClaimBenefitType[] = [
  'jkk-death',
  'jkk-total-permanent-disability',
  'jkk-partial-disability',
  'jkk-temporary-incapacity',
  'jkk-care-and-reimbursement',
  'jkm-death',
];

export class DisbursementDto {
  @ValidateNested()
  @Type(() => PayeeDto)
  payee!: PayeeDto;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ComponentAmountDto)
  components!: ComponentAmountDto[];

  @IsInt()
  @Min(0)
  amount!: number;
}

export class RetainedByFundDto {
  @IsInt()
  @Min(0)
  amount!: number;
}

export class DecisionPaymentDto {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DisbursementDto)
  disbursements!: DisbursementDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => RetainedByFundDto)
  retainedByFund!: RetainedByFundDto | null;
}

export class SlaDto {
  @IsIn(PROGRAMS)
  program!: ClaimProgram;

  @Matches(ISO_DATE)
  documentsCompletedOn!: string;

  @Matches(ISO_DATE)
  dueDate!: string;

  @IsString()
  @IsNotEmpty()
  ruleSetId!: string;
}

/** Decision inputs: read only for a kabupaten/kota code, should claims ever carry one. */
export class DecisionInputsDto {
  @IsOptional()
  @Matches(/^\d{4}$/)
  regencyCode?: string;
}

/** `ClaimApproved` v1 (libs/contracts/src/claims/events.ts), personal fields encrypted. */
export class ClaimApprovedDto {
  @IsString()
  @IsNotEmpty()
  decisionId!: string;

  @IsString()
  @IsNotEmpty()
  claimId!: string;

  @IsString()
  @IsNotEmpty()
  participantId!: string;

  @IsIn(PROGRAMS)
  program!: ClaimProgram;

  @IsIn(BENEFIT_TYPES)
  benefitType!: ClaimBenefitType;

  @ValidateIf((event: ClaimApprovedDto) => event.supersedesDecisionId !== null)
  @IsString()
  @IsNotEmpty()
  supersedesDecisionId!: string | null;

  @IsInt()
  @Min(0)
  total!: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => DecisionInputsDto)
  inputs?: DecisionInputsDto;

  @ValidateNested()
  @Type(() => DecisionPaymentDto)
  payment!: DecisionPaymentDto;

  @ValidateNested()
  @Type(() => SlaDto)
  sla!: SlaDto;

  @ValidateNested()
  @Type(() => ApprovalDto)
  approval!: ApprovalDto;
}
