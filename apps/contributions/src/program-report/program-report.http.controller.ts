import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentActor, Roles, type Actor } from '@santunan/platform';
import { ProgramAccess } from '../shared/program-access';
import { ProgramIdParams, ProgramReportDto } from './program-report.dto';
import { ProgramReportReader } from './program-report.reader';

@ApiTags('sponsor programs')
@Controller('programs/:programId/report')
export class ProgramReportController {
  constructor(
    @Inject(ProgramReportReader) private readonly reports: ProgramReportReader,
    @Inject(ProgramAccess) private readonly access: ProgramAccess,
  ) {}

  @Get()
  @Roles('sponsor-operator', 'admin', 'finance', 'auditor')
  @ApiOperation({
    summary: 'Program report: quota, enrolled, committed, billed, paid and remaining budget',
  })
  @ApiOkResponse({ type: ProgramReportDto })
  // PROGRAM_REPORT_NOT_FOUND: the read model is behind the program.
  @ApiProblems({
    403: 'PROGRAM_NOT_OPERATED',
    404: ['PROGRAM_NOT_FOUND', 'PROGRAM_REPORT_NOT_FOUND'],
  })
  async find(
    @Param() params: ProgramIdParams,
    @CurrentActor() actor: Actor,
  ): Promise<ProgramReportDto> {
    await this.access.check(actor, params.programId, ['finance', 'auditor']);
    return this.reports.find(params.programId);
  }
}
