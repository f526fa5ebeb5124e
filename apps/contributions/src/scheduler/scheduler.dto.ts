import { ApiProperty } from '@nestjs/swagger';
import { ISO_MONTH_PATTERN } from '@santunan/platform';
import { IsIn, Matches } from 'class-validator';
import { SCHEDULER_TASKS, type SchedulerTask } from './scheduler.handler';

export class SchedulerRunRequestDto {
  @ApiProperty({
    enum: SCHEDULER_TASKS,
    description:
      'issue-statements: every program covering the month; bill: every account; close-month: every account (arrears, grace, lapse).',
  })
  @IsIn(SCHEDULER_TASKS)
  task!: SchedulerTask;

  @ApiProperty({ example: '2026-01' })
  @Matches(ISO_MONTH_PATTERN, { message: 'month must be YYYY-MM' })
  month!: string;
}

export class SchedulerRunDto {
  @ApiProperty({ enum: SCHEDULER_TASKS })
  task!: string;

  @ApiProperty({ example: '2026-01' })
  month!: string;

  @ApiProperty()
  processed!: number;

  @ApiProperty()
  changed!: number;

  @ApiProperty()
  unchanged!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { MONTH_NOT_ENDED: 0 },
  })
  rejected!: Record<string, number>;

  @ApiProperty()
  startedAt!: string;

  @ApiProperty()
  completedAt!: string;
}
