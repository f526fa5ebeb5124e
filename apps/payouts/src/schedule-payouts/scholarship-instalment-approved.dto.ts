import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsNotEmpty, IsString, Min, ValidateNested } from 'class-validator';
import { ApprovalDto, ComponentAmountDto, PayeeDto } from './decision-payload.dto';

export class InstalmentExplanationDto {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ComponentAmountDto)
  components!: ComponentAmountDto[];
}

/** `ScholarshipInstalmentApproved` v1: one school year's instalment for one child. */
export class ScholarshipInstalmentApprovedDto {
  @IsString()
  @IsNotEmpty()
  entitlementId!: string;

  @IsString()
  @IsNotEmpty()
  participantId!: string;

  @IsString()
  @IsNotEmpty()
  claimId!: string;

  @IsString()
  @IsNotEmpty()
  applicationId!: string;

  @IsString()
  @IsNotEmpty()
  childId!: string;

  @IsIn(['TK-SD', 'SMP', 'SMA', 'PT'])
  level!: string;

  @IsInt()
  @Min(1)
  amount!: number;

  @ValidateNested()
  @Type(() => InstalmentExplanationDto)
  explanation!: InstalmentExplanationDto;

  @ValidateNested()
  @Type(() => PayeeDto)
  payee!: PayeeDto;

  @ValidateNested()
  @Type(() => ApprovalDto)
  approval!: ApprovalDto;
}
