import {
  HEIR_RELATIONSHIPS,
  type ChildRegisteredForScholarship,
  type DeclaredIncomeChanged,
  type HeirRelationship,
  type ParticipantDeceased,
} from '@santunan/contracts';
import { IsEncryptedPersonalData, type EncryptedField } from '@santunan/platform';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';

// The parts of enrollment's events (libs/contracts/src/enrollment/events.ts) claims relies on.
// Other members are stripped by the consumer (tolerant reader); personal fields arrive sealed
// and stay sealed in the local projection.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class RegencyAddressDto {
  @Matches(/^\d{4}$/)
  regencyCode!: string;
}

export class MembershipDto {
  @IsIn(['self-paying', 'sponsored'])
  kind!: 'self-paying' | 'sponsored';

  @IsOptional()
  @IsString()
  programId?: string;
}

export class ParticipantRegisteredDto {
  @IsString()
  participantId!: string;

  @IsEncryptedPersonalData()
  fullName!: EncryptedField;

  @Matches(ISO_DATE)
  birthDate!: string;

  @ValidateNested()
  @Type(() => RegencyAddressDto)
  address!: RegencyAddressDto;

  @IsInt()
  @IsPositive()
  declaredIncome!: number;

  @Matches(ISO_MONTH)
  incomeEffectiveFrom!: string;

  @ValidateNested()
  @Type(() => MembershipDto)
  membership!: MembershipDto;
}

export class ParticipantDetailsCorrectedDto {
  @IsString()
  participantId!: string;

  @IsOptional()
  @IsEncryptedPersonalData()
  fullName?: EncryptedField;

  @IsOptional()
  @ValidateNested()
  @Type(() => RegencyAddressDto)
  address?: RegencyAddressDto;
}

export class DeclaredIncomeChangedDto
  implements Pick<DeclaredIncomeChanged, 'participantId' | 'declaredIncome' | 'effectiveFrom'>
{
  @IsString()
  participantId!: string;

  @IsInt()
  @IsPositive()
  declaredIncome!: number;

  @Matches(ISO_MONTH)
  effectiveFrom!: string;
}

export class SealedBankAccountDto {
  @IsString()
  bankCode!: string;

  @IsEncryptedPersonalData()
  accountNumber!: EncryptedField;

  @IsEncryptedPersonalData()
  accountName!: EncryptedField;
}

export class HeirDto {
  @IsString()
  heirId!: string;

  @IsEncryptedPersonalData()
  fullName!: EncryptedField;

  @IsIn(HEIR_RELATIONSHIPS)
  relationship!: HeirRelationship;

  @IsOptional()
  @Matches(ISO_DATE)
  birthDate?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => SealedBankAccountDto)
  bankAccount?: SealedBankAccountDto;
}

export class HeirsDesignatedDto {
  @IsString()
  participantId!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => HeirDto)
  heirs!: HeirDto[];
}

export class ChildRegisteredForScholarshipDto
  implements Pick<ChildRegisteredForScholarship, 'participantId' | 'childId' | 'birthDate'>
{
  @IsString()
  participantId!: string;

  @IsString()
  childId!: string;

  @IsEncryptedPersonalData()
  fullName!: EncryptedField;

  @Matches(ISO_DATE)
  birthDate!: string;
}

export class ParticipantDeceasedDto
  implements Pick<ParticipantDeceased, 'participantId' | 'dateOfDeath'>
{
  @IsString()
  participantId!: string;

  @Matches(ISO_DATE)
  dateOfDeath!: string;
}
