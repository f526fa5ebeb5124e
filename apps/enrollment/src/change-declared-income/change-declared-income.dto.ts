import { ApiProperty } from '@nestjs/swagger';
import { ISO_MONTH_PATTERN } from '@santunan/platform';
import { IsInt, Matches, Min } from 'class-validator';

export class ChangeDeclaredIncomeDto {
  @ApiProperty({ example: 1_500_000, description: 'Whole rupiah per month, at least the floor.' })
  @IsInt()
  @Min(0)
  declaredIncome!: number;

  @ApiProperty({ example: '2026-06', description: 'The month (YYYY-MM) it applies from.' })
  @Matches(ISO_MONTH_PATTERN, { message: 'effectiveFrom must be YYYY-MM' })
  effectiveFrom!: string;
}
