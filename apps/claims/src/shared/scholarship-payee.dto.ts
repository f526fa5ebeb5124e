import { ApiProperty } from '@nestjs/swagger';
import { BankAccountDto, IsNotBlank } from '@santunan/platform';
import { Type } from 'class-transformer';
import { IsIn, IsString, MaxLength, ValidateNested } from 'class-validator';

/**
 * A scholarship is paid to the child's or the guardian's account: the payee of a yearly
 * application, and of a PP 44/2015 flat scholarship proposed with the decision.
 */
export class ScholarshipPayeeDto {
  @ApiProperty({ enum: ['child', 'guardian'] })
  @IsIn(['child', 'guardian'])
  holder!: 'child' | 'guardian';

  @ApiProperty()
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  fullName!: string;

  @ApiProperty({ type: BankAccountDto })
  @ValidateNested()
  @Type(() => BankAccountDto)
  bankAccount!: BankAccountDto;
}
