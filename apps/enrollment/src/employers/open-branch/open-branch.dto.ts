import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISO_DATE_PATTERN } from '@santunan/platform';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class OpenBranchDto {
  @ApiProperty({ example: 'soe', description: 'The employer’s own id for the branch.' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'branchId is not a branch id' })
  branchId!: string;

  @ApiProperty({ example: 'Cabang Soe', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: '12345679', description: 'The branch’s own NPP, if it has one.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  branchNpp?: string;

  @ApiProperty({ example: '5304', description: 'Kemendagri kabupaten/kota code of the workplace.' })
  @Matches(/^\d{4}$/, { message: 'regencyCode must be a 4-digit kabupaten/kota code' })
  regencyCode!: string;

  @ApiProperty({ example: '2026-03-01' })
  @Matches(ISO_DATE_PATTERN, { message: 'openedOn must be YYYY-MM-DD' })
  openedOn!: string;
}
