import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiTag, CurrentActor, Roles, ServiceRuntime, type Actor } from '@santunan/platform';
import { READERS } from '../shared/roles';
import { WorkQueuePage, WorkQueueQuery } from './work-queue.dto';
import { WorkQueueReader } from './work-queue.reader';

@ApiTag(
  'work queue',
  'The claims office’s queue and a claim’s full picture, with its hash chains verified.',
)
@Controller('claims')
export class WorkQueueController {
  constructor(
    @Inject(WorkQueueReader) private readonly reader: WorkQueueReader,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The work queue: claims by status, type, kabupaten/kota and SLA',
    description:
      'Overdue claims first, then by payment due date (or `sort` by due date or submission). ' +
      '`mine`: claims the caller submitted or proposed. A read model: a claim shows here a ' +
      'moment after the command that changed it.',
  })
  @ApiOkResponse({ type: WorkQueuePage })
  async list(@Query() query: WorkQueueQuery, @CurrentActor() actor: Actor): Promise<WorkQueuePage> {
    return this.reader.page(query, this.runtime.clock.today(), actor.id);
  }
}
