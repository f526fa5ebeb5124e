import { Inject, Injectable } from '@nestjs/common';
import type { AccidentReportCommand, AccidentReportState } from '@santunan/claims-domain';
import type { CommandResult } from '@santunan/platform';
import { ACCIDENT_REPORT_FOLD, ClaimWorkflow, type Acting } from '../shared/claim-workflow';
import { refused } from '../shared/claims-rejections';
import { accidentReportStreamId } from '../shared/claims-streams';

type Reported = Exclude<AccidentReportState, { status: 'none' }>;

/** BPJS decides within 30 days of the report whether it was a work accident (stage I). */
@Injectable()
export class DecideWorkAccidentHandler {
  constructor(@Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow) {}

  /** The report as its stream stands, or refused with REPORT_NOT_FOUND. */
  async read(reportId: string): Promise<{ state: Reported; version: number }> {
    const { state, version } = await this.workflow.reports.load(
      accidentReportStreamId(reportId),
      ACCIDENT_REPORT_FOLD,
    );
    if (state.status === 'none') throw refused('REPORT_NOT_FOUND', `no report ${reportId}`);
    return { state, version };
  }

  /** ConfirmWorkAccident or RefuteWorkAccident. */
  async decide(
    reportId: string,
    command: AccidentReportCommand,
    acting: Acting,
  ): Promise<CommandResult<AccidentReportState>> {
    const participantId = await this.workflow.subjectOf(accidentReportStreamId(reportId));
    if (participantId === null) throw refused('REPORT_NOT_FOUND', `no report ${reportId}`);
    return this.workflow.report(reportId, participantId, command, acting);
  }
}
