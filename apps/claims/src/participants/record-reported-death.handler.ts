import { Inject, Injectable } from '@nestjs/common';
import type { EnrollmentEventMap } from '@santunan/contracts';
import { accepted, type Transaction } from '@santunan/platform';
import { ClaimWorkflow, type Acting } from '../shared/claim-workflow';

/**
 * A death an enrollment officer recorded before any claim enters the death register, so a later
 * death claim is checked against its date and still holds the benefit once (ADR 0034). Deaths
 * enrollment recorded from claims' own DeathRecorded are already in the register: skipped.
 */
@Injectable()
export class RecordReportedDeathHandler {
  constructor(@Inject(ClaimWorkflow) private readonly workflow: ClaimWorkflow) {}

  async record(
    tx: Transaction,
    death: EnrollmentEventMap['ParticipantDeceased'],
    participantDeceasedEventId: string,
    acting: Acting,
  ): Promise<void> {
    const { recordedBy } = death;
    if (recordedBy.kind !== 'enrollment-officer') return;
    const result = await this.workflow.deathRegister(
      death.participantId,
      {
        type: 'RecordReportedDeath',
        participantId: death.participantId,
        dateOfDeath: death.dateOfDeath,
        deathCertificateReference: recordedBy.deathCertificateReference,
        officerId: recordedBy.officerId,
        participantDeceasedEventId,
      },
      acting,
      tx,
    );
    // Another date already in the register (a claim recorded it first): a dead letter with
    // DEATH_DATE_CONFLICT after the retries, for people to resolve — never a second death.
    accepted(
      result,
      `death of participant ${death.participantId} (enrollment event ${participantDeceasedEventId})`,
    );
  }
}
