import { Inject, Injectable } from '@nestjs/common';
import { accidentReportFacts, type ClaimCommand, type ClaimState } from '@santunan/claims-domain';
import type { CommandResult } from '@santunan/platform';
import { ACCIDENT_REPORT_FOLD, ClaimWorkflow, type Acting } from '../shared/claim-workflow';
import { refused } from '../shared/claims-rejections';
import { accidentReportStreamId } from '../shared/claims-streams';

type SubmitJkkClaim = Extract<ClaimCommand, { type: 'SubmitJkkClaim' }>;

/** JKK stage II: a claim on a reported accident, with the report as its stream stands. */
@Injectable()
export class SubmitJkkClaimHandler {
  constructor(@Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow) {}

  async submit(
    accidentReportId: string,
    claim: Omit<
      SubmitJkkClaim,
      'type' | 'claimId' | 'participantId' | 'accidentReport' | 'officerId'
    >,
    acting: Acting,
  ): Promise<CommandResult<ClaimState>> {
    const { state } = await this.workflow.reports.load(
      accidentReportStreamId(accidentReportId),
      ACCIDENT_REPORT_FOLD,
    );
    const report = accidentReportFacts(state);
    if (report === null) {
      throw refused('REPORT_NOT_FOUND', `no accident report ${accidentReportId}`);
    }
    const claimId = this.workflow.newId();
    return this.workflow.claim(
      claimId,
      report.participantId,
      {
        type: 'SubmitJkkClaim',
        claimId,
        participantId: report.participantId,
        accidentReport: report,
        ...claim,
        officerId: acting.actor.id,
      },
      acting,
    );
  }
}
