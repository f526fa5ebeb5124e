import { ApiProperty } from '@nestjs/swagger';
import { ISO_MONTH_PATTERN } from '@santunan/platform';
import { IsInt, Matches, Min } from 'class-validator';

export class ChangeDeclaredIncomeDto {
  @ApiProperty({
    example: 1_500_000,
    description: 'Whole rupiah per month, from the floor to the ceiling in force.',
  })
  @IsInt()
  @Min(0)
  declaredIncome!: number;

  @ApiProperty({ example: '2026-06', description: 'The month (YYYY-MM) it applies from.' })
  @Matches(ISO_MONTH_PATTERN, { message: 'effectiveFrom must be YYYY-MM' })
  effectiveFrom!: string;
}
