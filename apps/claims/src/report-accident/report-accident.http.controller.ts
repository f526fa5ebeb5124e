import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { AccidentReportState } from '@santunan/claims-domain';
import {
  accepted,
  ApiProblems,
  ApiTag,
  Roles,
  RequestCause,
  type CommandCause,
} from '@santunan/platform';
import { MAKER } from '../shared/roles';
import { AccidentReportResponse, ReportAccidentDto } from './report-accident.dto';
import { ReportAccidentHandler } from './report-accident.handler';

export function accidentReportResponse(
  state: AccidentReportState,
  version: number,
): AccidentReportResponse {
  if (state.status === 'none') throw new Error('an accepted report command leaves a report');
  const { report } = state;
  return {
    reportId: report.reportId,
    participantId: report.participantId,
    status: state.status,
    incidentDate: report.incidentDate,
    reportedOn: report.reportedOn,
    daysAfterIncident: report.daysAfterIncident,
    incidentKind: report.incidentKind,
    place: report.place,
    chronology: report.chronology,
    trafficAccident: report.trafficAccident,
    notifier: { ...report.notifier },
    witnesses: report.witnesses.map((witness) => ({ name: witness.name })),
    decidedOn:
      state.status === 'confirmed'
        ? state.confirmedOn
        : state.status === 'refuted'
          ? state.refutedOn
          : null,
    refutationReason: state.status === 'refuted' ? state.reason : null,
    version,
  };
}

@ApiTag(
  'accident reports (JKK stage I)',
  'Work accidents and occupational diseases reported, and BPJS’s finding whether it was a work accident.',
)
@Controller('accident-reports')
export class ReportAccidentController {
  constructor(@Inject(ReportAccidentHandler) private readonly handler: ReportAccidentHandler) {}

  @Post()
  @HttpCode(201)
  @Roles(...MAKER)
  @ApiOperation({
    summary: 'Report a work accident or occupational disease (JKK stage I)',
    description:
      'The participant must be known from enrollment. The chronology, notifier and witnesses ' +
      'are sealed with the participant’s key.',
  })
  @ApiCreatedResponse({ type: AccidentReportResponse })
  @ApiProblems({
    422: [
      'PARTICIPANT_UNKNOWN',
      'INCIDENT_DATE_IN_FUTURE',
      'REPORT_BEFORE_INCIDENT',
      'REPORT_INCOMPLETE',
      'DATE_INVALID',
    ],
  })
  async report(
    @Body() body: ReportAccidentDto,
    @RequestCause() cause: CommandCause,
  ): Promise<AccidentReportResponse> {
    const result = accepted(
      await this.handler.report(
        {
          participantId: body.participantId,
          incidentKind: body.incidentKind,
          incidentDate: body.incidentDate,
          place: body.place,
          chronology: body.chronology,
          trafficAccident: body.trafficAccident,
          notifier: { kind: body.notifier.kind, name: body.notifier.name },
          witnesses: body.witnesses.map((witness) => ({ name: witness.name })),
          ...(body.reportedOn === undefined ? {} : { reportedOn: body.reportedOn }),
        },
        cause,
      ),
    );
    return accidentReportResponse(result.state, result.version);
  }
}
