import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentActor, Roles, type Actor } from '@santunan/platform';
import { ProgramIdParams } from '../program-report/program-report.dto';
import { ProgramAccess } from '../shared/program-access';
import {
  ProgramListDto,
  ProgramQuoteDto,
  ProgramQuoteQuery,
  StatementMonthsDto,
} from './program-overview.dto';
import { ProgramOverviewReader } from './program-overview.reader';

@ApiTags('sponsor programs')
@Controller()
export class ProgramOverviewController {
  constructor(
    @Inject(ProgramOverviewReader) private readonly overview: ProgramOverviewReader,
    @Inject(ProgramAccess) private readonly access: ProgramAccess,
  ) {}

  @Get('programs')
  @Roles('sponsor-operator', 'admin', 'finance', 'auditor')
  @ApiOperation({
    summary: 'The programs the caller operates (every program for admin, finance, auditor)',
  })
  @ApiOkResponse({ type: ProgramListDto })
  async list(@CurrentActor() actor: Actor): Promise<ProgramListDto> {
    return { programs: await this.overview.list(actor) };
  }

  @Get('program-quotes')
  @Roles('sponsor-operator', 'admin')
  @ApiOperation({
    summary: 'What a program with these terms would get: tariff from the rules, quota, remainder',
    description: 'Decided as an opening would be; nothing is opened or stored.',
  })
  @ApiOkResponse({ type: ProgramQuoteDto })
  @ApiProblems({
    422: [
      'PROGRAM_INVALID',
      'PROGRAM_BUDGET_TOO_SMALL',
      'PROGRAM_TARIFF_VARIES',
      'TARIFF_UNAVAILABLE',
    ],
  })
  quote(@Query() query: ProgramQuoteQuery): ProgramQuoteDto {
    return this.overview.quote(query);
  }

  @Get('programs/:programId/statements')
  @Roles('sponsor-operator', 'admin', 'finance', 'auditor')
  @ApiOperation({
    summary: 'A program’s issued months: billed, released after deaths, received, paid, owed',
  })
  @ApiOkResponse({ type: StatementMonthsDto })
  @ApiProblems({ 403: 'PROGRAM_NOT_OPERATED', 404: 'PROGRAM_NOT_FOUND' })
  async statements(
    @Param() params: ProgramIdParams,
    @CurrentActor() actor: Actor,
  ): Promise<StatementMonthsDto> {
    await this.access.check(actor, params.programId, ['finance', 'auditor']);
    return {
      programId: params.programId,
      months: await this.overview.statementMonths(params.programId),
    };
  }
}
