import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccidentReportCommand } from '@santunan/claims-domain';
import {
  accepted,
  ApiProblems,
  Roles,
  type Actor,
  RequestCause,
  type CommandCause,
} from '@santunan/platform';
import { AccidentReportResponse } from '../report-accident/report-accident.dto';
import { accidentReportResponse } from '../report-accident/report-accident.http.controller';
import { CLAIMS_STAFF, READERS } from '../shared/roles';
import {
  ConfirmWorkAccidentDto,
  RefuteWorkAccidentDto,
  ReportIdParams,
} from './decide-work-accident.dto';
import { DecideWorkAccidentHandler } from './decide-work-accident.handler';

/** BPJS decides within 30 days of the report whether it was a work accident (stage I). */
@ApiTags('accident reports (JKK stage I)')
@Controller('accident-reports/:reportId')
export class DecideWorkAccidentController {
  constructor(
    @Inject(DecideWorkAccidentHandler) private readonly handler: DecideWorkAccidentHandler,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'An accident report and the stage I decision' })
  @ApiOkResponse({ type: AccidentReportResponse })
  @ApiProblems({ 404: 'REPORT_NOT_FOUND' })
  async read(@Param() params: ReportIdParams): Promise<AccidentReportResponse> {
    const { state, version } = await this.handler.read(params.reportId);
    return accidentReportResponse(state, version);
  }

  @Post('confirmation')
  @HttpCode(200)
  @Roles(...CLAIMS_STAFF)
  @ApiOperation({ summary: 'Confirm that it was a work accident' })
  @ApiOkResponse({ type: AccidentReportResponse })
  @ApiProblems({ 404: 'REPORT_NOT_FOUND', 409: 'WORK_ACCIDENT_ALREADY_DECIDED' })
  async confirm(
    @Param() params: ReportIdParams,
    @Body() body: ConfirmWorkAccidentDto,
    @RequestCause() cause: CommandCause,
  ): Promise<AccidentReportResponse> {
    const { actor, correlationId } = cause;
    return this.decide(
      params.reportId,
      { type: 'ConfirmWorkAccident', note: body.note, officerId: actor.id },
      actor,
      correlationId,
    );
  }

  @Post('refutation')
  @HttpCode(200)
  @Roles(...CLAIMS_STAFF)
  @ApiOperation({ summary: 'Find that it was not a work accident (a JKK claim is then refused)' })
  @ApiOkResponse({ type: AccidentReportResponse })
  @ApiProblems({
    404: 'REPORT_NOT_FOUND',
    409: 'WORK_ACCIDENT_ALREADY_DECIDED',
    422: 'REASON_REQUIRED',
  })
  async refute(
    @Param() params: ReportIdParams,
    @Body() body: RefuteWorkAccidentDto,
    @RequestCause() cause: CommandCause,
  ): Promise<AccidentReportResponse> {
    const { actor, correlationId } = cause;
    return this.decide(
      params.reportId,
      { type: 'RefuteWorkAccident', reason: body.reason, officerId: actor.id },
      actor,
      correlationId,
    );
  }

  private async decide(
    reportId: string,
    command: AccidentReportCommand,
    actor: Actor,
    correlationId: string,
  ): Promise<AccidentReportResponse> {
    const result = accepted(await this.handler.decide(reportId, command, { actor, correlationId }));
    return accidentReportResponse(result.state, result.version);
  }
}
