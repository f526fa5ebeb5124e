import { ApiProperty } from '@nestjs/swagger';
import { ISO_DATE_PATTERN } from '@santunan/platform';
import { Type } from 'class-transformer';
import { Matches, ValidateNested } from 'class-validator';
import { WageDto } from '../shared/wage.dto';

export class ReportWageDto {
  @ApiProperty({ type: WageDto })
  @ValidateNested()
  @Type(() => WageDto)
  wage!: WageDto;

  @ApiProperty({
    example: '2026-12-04',
    description:
      'The day the new wage applies from; the 7 working days to report it run from here.',
  })
  @Matches(ISO_DATE_PATTERN, { message: 'effectiveFrom must be YYYY-MM-DD' })
  effectiveFrom!: string;
}
