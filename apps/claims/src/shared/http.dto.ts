import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HEIR_RELATIONSHIPS,
  type BankAccount,
  type Claimant,
  type HeirRelationship,
} from '@santunan/contracts';
import { IsNotBlank, type BankAccountDto } from '@santunan/platform';
import { IsIn, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

export const ISO_DATE_MESSAGE = '$property must be a YYYY-MM-DD date';

export class ClaimIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  claimId!: string;
}

export class ClaimDecisionParams extends ClaimIdParams {
  @ApiProperty({ format: 'uuid', description: 'The proposal the supervisor looked at.' })
  @IsUUID()
  decisionId!: string;
}

export function bankAccountOf(dto: BankAccountDto): BankAccount {
  return {
    bankCode: dto.bankCode,
    accountNumber: dto.accountNumber,
    accountName: dto.accountName,
  };
}

/** Who lodges the claim: the participant, an heir (ahli waris), or whoever arranged the burial. */
export class ClaimantDto {
  @ApiProperty({ enum: ['participant', 'heir', 'burial-arranger'] })
  @IsIn(['participant', 'heir', 'burial-arranger'])
  kind!: Claimant['kind'];

  @ApiPropertyOptional({ example: 'Maria Bria', description: 'An heir or a burial arranger.' })
  @ValidateIf((claimant: ClaimantDto) => claimant.kind !== 'participant')
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  fullName?: string;

  @ApiPropertyOptional({ enum: HEIR_RELATIONSHIPS, description: 'An heir only.' })
  @ValidateIf((claimant: ClaimantDto) => claimant.kind === 'heir')
  @IsIn(HEIR_RELATIONSHIPS)
  relationship?: HeirRelationship;
}

/** Set by validation; its absence here is a bug in the DTO, not bad input. */
export function validated<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new TypeError(`${field} passed validation without a value`);
  return value;
}

export function claimantOf(dto: ClaimantDto): Claimant {
  switch (dto.kind) {
    case 'participant':
      return { kind: 'participant' };
    case 'heir':
      return {
        kind: 'heir',
        fullName: validated(dto.fullName, 'claimant.fullName'),
        relationship: validated(dto.relationship, 'claimant.relationship'),
      };
    case 'burial-arranger':
      return { kind: 'burial-arranger', fullName: validated(dto.fullName, 'claimant.fullName') };
    default: {
      const _exhaustive: never = dto.kind;
      return _exhaustive;
    }
  }
}
