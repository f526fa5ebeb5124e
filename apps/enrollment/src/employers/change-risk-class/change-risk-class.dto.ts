import { ApiProperty } from '@nestjs/swagger';
import { ISO_DATE_PATTERN } from '@santunan/platform';
import { IsInt, IsString, Matches, MaxLength } from 'class-validator';

export class ChangeRiskClassDto {
  @ApiProperty({
    example: 4,
    description: 'The new JKK risk class, 1–5 (422 RISK_CLASS_INVALID otherwise).',
  })
  @IsInt()
  riskClass!: number;

  @ApiProperty({
    example: '2026-07-01',
    description:
      'The date it applies from: after the class in force’s; earlier months keep theirs.',
  })
  @Matches(ISO_DATE_PATTERN, { message: 'effectiveFrom must be YYYY-MM-DD' })
  effectiveFrom!: string;

  @ApiProperty({ example: 'Penilaian ulang 2026: industri pengolahan ikan', maxLength: 300 })
  @IsString()
  @MaxLength(300)
  basis!: string;
}
