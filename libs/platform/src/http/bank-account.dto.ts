import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsNotBlank } from './not-blank';

/**
 * A bank account in a request (an heir's, a payee's, a corrected one): the same checks in
 * every service, so what one accepts the bank file of another can carry.
 */
export class BankAccountDto {
  @ApiProperty({ example: 'BRI', description: 'Bank code: 2–12 letters or digits.' })
  @Matches(/^[A-Za-z0-9]{2,12}$/, { message: 'bankCode must be 2–12 letters or digits' })
  bankCode!: string;

  @ApiProperty({
    example: '012301000123567',
    pattern: '^\\d{5,34}$',
    description: 'Digits only. Personal data: sealed with the participant’s key.',
  })
  @Matches(/^\d{5,34}$/, { message: 'accountNumber must be 5–34 digits' })
  accountNumber!: string;

  @ApiProperty({
    example: 'Maria Bria',
    maxLength: 120,
    description: 'Personal data: sealed with the participant’s key.',
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  accountName!: string;
}
