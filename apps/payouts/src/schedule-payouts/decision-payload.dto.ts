import { HEIR_RELATIONSHIPS, type HeirRelationship } from '@santunan/contracts';
import { IsEncryptedPersonalData, type EncryptedField } from '@santunan/platform';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// The parts of claims' decision events payouts reads. Members not declared are stripped
// (tolerant reader), so claims may add fields without breaking this consumer.

export class EncryptedBankAccountDto {
  @IsString()
  @IsNotEmpty()
  bankCode!: string;

  @IsEncryptedPersonalData()
  accountNumber!: EncryptedField;

  @IsEncryptedPersonalData()
  accountName!: EncryptedField;
}

export const PAYEE_KINDS = [
  'participant',
  'heir',
  'burial-arranger',
  'scholarship-account',
] as const;
export type PayeeKind = (typeof PAYEE_KINDS)[number];

/** `Payee` (libs/contracts/src/claims/events.ts): one class, the id member by kind. */
export class PayeeDto {
  @IsIn(PAYEE_KINDS)
  kind!: PayeeKind;

  @ValidateIf((payee: PayeeDto) => payee.kind === 'participant')
  @IsString()
  @IsNotEmpty()
  participantId?: string;

  @ValidateIf((payee: PayeeDto) => payee.kind === 'heir')
  @IsString()
  @IsNotEmpty()
  heirId?: string;

  @ValidateIf((payee: PayeeDto) => payee.kind === 'heir')
  @IsIn(HEIR_RELATIONSHIPS)
  relationship?: HeirRelationship;

  @ValidateIf((payee: PayeeDto) => payee.kind === 'burial-arranger')
  @IsString()
  @IsNotEmpty()
  arrangerId?: string;

  @ValidateIf((payee: PayeeDto) => payee.kind === 'scholarship-account')
  @IsIn(['child', 'guardian'])
  holder?: 'child' | 'guardian';

  @IsOptional()
  @IsString()
  childId?: string | null;

  @IsEncryptedPersonalData()
  fullName!: EncryptedField;

  @ValidateNested()
  @Type(() => EncryptedBankAccountDto)
  bankAccount!: EncryptedBankAccountDto;
}

export class ComponentAmountDto {
  @IsString()
  @IsNotEmpty()
  code!: string;

  @IsInt()
  amount!: number;
}

export class ApprovalDto {
  @Matches(ISO_DATE)
  approvedOn!: string;
}
