import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, RequestCause, Roles, type CommandCause } from '@santunan/platform';
import { WorkerParams } from '../shared/employer.params';
import { WorkerChangeResponse } from '../shared/wage.dto';
import { workerChange } from '../shared/worker-change';
import { WorkerCommands } from '../shared/worker-commands';
import { ReportWageDto } from './report-wage.dto';

@ApiTags('employers')
@Controller('employers/:npp/workers/:participantId/wage-reports')
export class ReportWageController {
  constructor(@Inject(WorkerCommands) private readonly workers: WorkerCommands) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({
    summary: 'Report a worker’s wage change',
    description:
      'The new wage applies from `effectiveFrom` (after the wage in force); more than 7 working days later the report is recorded and marked late. ' +
      'No reports for a worker who left (409 WORKER_LEFT).',
  })
  @ApiOkResponse({ type: WorkerChangeResponse })
  @ApiProblems({
    404: ['EMPLOYER_NOT_REGISTERED', 'WORKER_NOT_REGISTERED'],
    409: 'WORKER_LEFT',
    422: [
      'WAGE_BASIS_UNKNOWN',
      'WAGE_NOT_INTEGER_RUPIAH',
      'WAGE_BELOW_MINIMUM',
      'WAGE_DATE_INVALID',
    ],
  })
  async report(
    @Param() params: WorkerParams,
    @Body() body: ReportWageDto,
    @RequestCause() cause: CommandCause,
  ): Promise<WorkerChangeResponse> {
    const result = await this.workers.handle({
      ...cause,
      npp: params.npp,
      participantId: params.participantId,
      command: {
        type: 'ReportWage',
        wage: { basis: body.wage.basis, amount: body.wage.amount },
        effectiveFrom: body.effectiveFrom,
      },
    });
    return workerChange(params.participantId, accepted(result));
  }
}
