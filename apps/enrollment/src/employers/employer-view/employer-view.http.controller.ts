import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { riskClassOn } from '@santunan/employers-domain';
import { ApiProblems, ProblemException, Roles, ServiceRuntime } from '@santunan/platform';
import { EmployerCommands } from '../shared/employer-commands';
import { NppParams, WorkerParams } from '../shared/employer.params';
import { WorkerCommands } from '../shared/worker-commands';
import { EmployerResponse, WorkerResponse } from './employer-view.dto';

/**
 * One employer or one worker as their streams stand (a read of one aggregate; lists and
 * searches, which want a read model, come with the console's employer pages).
 */
@ApiTags('employers')
@Controller('employers/:npp')
export class EmployerViewController {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(EmployerCommands) private readonly employers: EmployerCommands,
    @Inject(WorkerCommands) private readonly workers: WorkerCommands,
  ) {}

  @Get()
  @Roles('enrollment-officer', 'admin', 'auditor')
  @ApiOperation({
    summary: 'An employer',
    description: 'Identifiers, risk class today and its dated history, branches.',
  })
  @ApiOkResponse({ type: EmployerResponse })
  @ApiProblems({ 404: 'EMPLOYER_NOT_REGISTERED' })
  async employer(@Param() params: NppParams): Promise<EmployerResponse> {
    const employer = await this.employers.load(params.npp);
    if (employer.status === 'unregistered') {
      throw new ProblemException(
        404,
        'EMPLOYER_NOT_REGISTERED',
        'No employer with this NPP',
        `no employer with NPP ${params.npp}`,
        { field: '/npp' },
      );
    }
    return {
      npp: employer.npp,
      name: employer.name,
      npwp: employer.npwp,
      nib: employer.nib,
      kbli: employer.kbli,
      businessScale: employer.businessScale,
      regencyCode: employer.regencyCode,
      riskClassToday: riskClassOn(employer, this.runtime.clock.today()) ?? null,
      riskClassHistory: employer.riskClassHistory.map((period) => ({ ...period })),
      branches: employer.branches.map((branch) => ({ ...branch })),
    };
  }

  @Get('workers/:participantId')
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({
    summary: 'An employer’s worker',
    description:
      'Status, wage history with each report’s timeliness (late reports visible), leaving.',
  })
  @ApiOkResponse({ type: WorkerResponse })
  @ApiProblems({ 404: 'WORKER_NOT_REGISTERED' })
  async worker(@Param() params: WorkerParams): Promise<WorkerResponse> {
    const worker = await this.workers.load(params.npp, params.participantId);
    if (worker.status === 'unregistered') {
      throw new ProblemException(
        404,
        'WORKER_NOT_REGISTERED',
        'No such worker of this employer',
        `employer ${params.npp} has no worker ${params.participantId}`,
      );
    }
    return {
      npp: worker.npp,
      participantId: worker.participantId,
      fullName: worker.fullName,
      status: worker.status,
      branchId: worker.branchId,
      startedOn: worker.startedOn,
      jkpParticipant: worker.jkpParticipant,
      wageHistory: worker.wageHistory.map((period) => ({
        wage: { ...period.wage },
        effectiveFrom: period.effectiveFrom,
        report: { ...period.report },
      })),
      leftOn: worker.status === 'left' ? worker.leftOn : null,
      leavingReason: worker.status === 'left' ? worker.reason : null,
      leavingReport: worker.status === 'left' ? { ...worker.leavingReport } : null,
    };
  }
}
