import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, RequestCause, Roles, type CommandCause } from '@santunan/platform';
import { WorkerParams } from '../shared/employer.params';
import { WorkerChangeResponse } from '../shared/wage.dto';
import { workerChange } from '../shared/worker-change';
import { WorkerCommands } from '../shared/worker-commands';
import { RecordWorkerLeavingDto } from './record-worker-leaving.dto';

@ApiTags('employers')
@Controller('employers/:npp/workers/:participantId/leaving')
export class RecordWorkerLeavingController {
  constructor(@Inject(WorkerCommands) private readonly workers: WorkerCommands) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({
    summary: 'Record that a worker left the employer',
    description:
      'Date and reason; marked late when reported more than 7 working days after. The same leaving again changes nothing.',
  })
  @ApiOkResponse({ type: WorkerChangeResponse })
  @ApiProblems({
    404: ['EMPLOYER_NOT_REGISTERED', 'WORKER_NOT_REGISTERED'],
    409: 'WORKER_LEFT',
    422: ['LEAVING_DATE_INVALID', 'LEAVING_REASON_UNKNOWN'],
  })
  async leave(
    @Param() params: WorkerParams,
    @Body() body: RecordWorkerLeavingDto,
    @RequestCause() cause: CommandCause,
  ): Promise<WorkerChangeResponse> {
    const result = await this.workers.handle({
      ...cause,
      npp: params.npp,
      participantId: params.participantId,
      command: { type: 'RecordWorkerLeaving', leftOn: body.leftOn, reason: body.reason },
    });
    return workerChange(params.participantId, accepted(result));
  }
}
