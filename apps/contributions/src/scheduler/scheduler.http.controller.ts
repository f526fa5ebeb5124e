import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  ApiProblems,
  ApiTag,
  ProblemException,
  Roles,
  RequestCause,
  type CommandCause,
} from '@santunan/platform';
import { SchedulerHandler } from './scheduler.handler';
import { SchedulerRunDto, SchedulerRunRequestDto } from './scheduler.dto';

@ApiTag('scheduler', 'The monthly billing, lapse and statement tasks, run on demand (admins).')
@Controller('scheduler/runs')
export class SchedulerController {
  constructor(@Inject(SchedulerHandler) private readonly handler: SchedulerHandler) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Roles('admin')
  @ApiOperation({
    summary: 'Run a scheduler task for a month now (idempotent: a repeat changes nothing)',
  })
  @ApiOkResponse({ type: SchedulerRunDto })
  // Every program or account refused, for one reason: that reason is the code (with `run`).
  @ApiProblems({ 422: ['MONTH_NOT_ENDED', 'BILLING_TOO_EARLY', 'STATEMENT_TOO_EARLY'] })
  async run(
    @Body() body: SchedulerRunRequestDto,
    @RequestCause() cause: CommandCause,
  ): Promise<SchedulerRunDto> {
    const { actor, correlationId } = cause;
    const run = await this.handler.run(body.task, body.month, actor, correlationId);
    const refusals = Object.entries(run.rejected);
    const [only] = refusals;
    // All refused for one reason: the month itself is wrong for this task.
    if (
      run.processed > 0 &&
      refusals.length === 1 &&
      only !== undefined &&
      only[1] === run.processed
    ) {
      throw new ProblemException(
        422,
        only[0],
        'The month cannot be run for this task',
        `every one of ${run.processed} refused ${body.task} for ${body.month}: ${only[0]}`,
        { run },
      );
    }
    return { ...run, rejected: { ...run.rejected } };
  }
}
