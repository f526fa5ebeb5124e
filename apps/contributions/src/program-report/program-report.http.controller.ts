import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@santunan/platform';
import { ProtectedRoute } from '../shared/http.decorators';
import { ProblemDetailsDto } from '../shared/problem-details.dto';
import { ProgramAccess } from '../shared/program-access';
import { ProgramIdParams, ProgramReportDto } from './program-report.dto';
import { ProgramReportReader } from './program-report.reader';

@ApiTags('sponsor programs')
@ProtectedRoute()
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
  @ApiNotFoundResponse({
    type: ProblemDetailsDto,
    description: 'PROGRAM_NOT_FOUND, PROGRAM_REPORT_NOT_FOUND (the read model is behind)',
  })
  async find(
    @Param() params: ProgramIdParams,
    @CurrentActor() actor: Actor,
  ): Promise<ProgramReportDto> {
    await this.access.check(actor, params.programId, ['finance', 'auditor']);
    return this.reports.find(params.programId);
  }
}
