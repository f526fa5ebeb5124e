import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BankAccountDto, IsNotBlank } from '@santunan/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ScholarshipPayeeDto } from '../shared/scholarship-payee.dto';

/** No heir: whoever arranged the burial receives the funeral benefit (rules reference §5). */
export class BurialArrangerDto {
  @ApiProperty({ example: 'kepala-desa-oesapa' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  arrangerId!: string;

  @ApiProperty({ example: 'Yakobus Manu' })
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  fullName!: string;

  @ApiPropertyOptional({ type: BankAccountDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BankAccountDto)
  bankAccount?: BankAccountDto;
}

/** A PP 44/2015 flat scholarship is paid to the child's or the guardian's account. */
export class ScholarshipAccountDto extends ScholarshipPayeeDto {
  @ApiPropertyOptional({ description: 'The child, when the account is the child’s.' })
  @IsOptional()
  @IsString()
  childId?: string;
}

/**
 * The maker proposes: eligibility is assessed on the facts claims holds (participant, income,
 * coverage, heirs, children, stage I report, death register). A death claim adds what the
 * documents evidence about the heirs (ahli waris): the payee the others chose and their consents.
 */
export class ProposeDecisionDto {
  @ApiPropertyOptional({ description: 'The heir the others chose to receive the cash benefits.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  nominatedPayeeId?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Heirs whose consent to the payee is recorded.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  consentsGivenBy?: string[];

  @ApiPropertyOptional({ type: BurialArrangerDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BurialArrangerDto)
  burialArrangedBy?: BurialArrangerDto;

  @ApiPropertyOptional({ type: ScholarshipAccountDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScholarshipAccountDto)
  scholarshipAccount?: ScholarshipAccountDto;
}
