import { ApiProperty } from '@nestjs/swagger';
import { LEAVING_REASONS, type LeavingReason } from '@santunan/contracts/employers';
import { ISO_DATE_PATTERN } from '@santunan/platform';
import { IsIn, Matches } from 'class-validator';

export class RecordWorkerLeavingDto {
  @ApiProperty({ example: '2026-12-05', description: 'Last day of work.' })
  @Matches(ISO_DATE_PATTERN, { message: 'leftOn must be YYYY-MM-DD' })
  leftOn!: string;

  @ApiProperty({ enum: LEAVING_REASONS })
  @IsIn(LEAVING_REASONS)
  reason!: LeavingReason;
}
