import { Inject, Injectable } from '@nestjs/common';
import type { AccidentReportCommand, AccidentReportState } from '@santunan/claims-domain';
import type { CommandResult } from '@santunan/platform';
import { ClaimWorkflow, type Acting } from '../shared/claim-workflow';
import { ParticipantDirectory } from '../participants/participant-directory';

type ReportAccident = Extract<AccidentReportCommand, { type: 'ReportAccident' }>;

/** JKK stage I: a work accident or occupational disease of a participant enrollment knows. */
@Injectable()
export class ReportAccidentHandler {
  constructor(
    @Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow,
    @Inject(ParticipantDirectory) private readonly participants: ParticipantDirectory,
  ) {}

  async report(
    report: Omit<ReportAccident, 'type' | 'reportId' | 'officerId'>,
    acting: Acting,
  ): Promise<CommandResult<AccidentReportState>> {
    await this.participants.require(report.participantId);
    const reportId = this.workflow.newId();
    return this.workflow.report(
      reportId,
      report.participantId,
      { type: 'ReportAccident', reportId, ...report, officerId: acting.actor.id },
      acting,
    );
  }
}
