import type { ServerResponse } from 'node:http';
import { Body, Controller, HttpStatus, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, RequestCause, Roles, type CommandCause } from '@santunan/platform';
import { NppParams } from '../shared/employer.params';
import { WorkerChangeResponse } from '../shared/wage.dto';
import { workerChange } from '../shared/worker-change';
import { RegisterWorkerDto } from './register-worker.dto';
import { RegisterWorkerHandler } from './register-worker.handler';

@ApiTags('employers')
@Controller('employers/:npp/workers')
export class RegisterWorkerController {
  constructor(@Inject(RegisterWorkerHandler) private readonly handler: RegisterWorkerHandler) {}

  @Post()
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({
    summary: 'Register an employer’s worker',
    description:
      'The worker is the person enrollment knows by NIK (one participant id). The wage must reach the regional minimum unless the employer is a micro or small enterprise. ' +
      'Reported more than 7 working days after the start, the registration is recorded and marked late. The same registration again answers 200.',
  })
  @ApiCreatedResponse({ type: WorkerChangeResponse, description: 'Registered.' })
  @ApiOkResponse({ type: WorkerChangeResponse, description: 'Already registered with this data.' })
  @ApiProblems({
    404: 'EMPLOYER_NOT_REGISTERED',
    409: ['WORKER_ALREADY_REGISTERED', 'WORKER_DECEASED'],
    422: [
      'NIK_FORMAT',
      'NIK_PROVINCE_UNKNOWN',
      'NIK_REGENCY_UNKNOWN',
      'NIK_DISTRICT_INVALID',
      'NIK_DISTRICT_UNKNOWN',
      'NIK_DATE_INVALID',
      'NIK_BIRTH_DATE_MISMATCH',
      'NIK_SEX_MISMATCH',
      'NIK_SERIAL_INVALID',
      'WORKER_NAME_BLANK',
      'WORKER_START_DATE_INVALID',
      'BRANCH_UNKNOWN',
      'WAGE_BASIS_UNKNOWN',
      'WAGE_NOT_INTEGER_RUPIAH',
      'WAGE_BELOW_MINIMUM',
    ],
  })
  async register(
    @Param() params: NppParams,
    @Body() body: RegisterWorkerDto,
    @RequestCause() cause: CommandCause,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WorkerChangeResponse> {
    const { participantId, result } = await this.handler.register(
      params.npp,
      {
        nik: body.nik,
        fullName: body.fullName,
        birthDate: body.birthDate,
        sex: body.sex,
        branchId: body.branchId ?? null,
        startedOn: body.startedOn,
        wage: { basis: body.wage.basis, amount: body.wage.amount },
        jkpParticipant: body.jkpParticipant,
      },
      cause,
    );
    const change = workerChange(participantId, accepted(result));
    if (!change.changed) response.statusCode = HttpStatus.OK;
    return change;
  }
}
