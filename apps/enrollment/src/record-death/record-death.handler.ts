import { Inject, Injectable } from '@nestjs/common';
import type { ParticipantState, RecordDeath } from '@santunan/enrollment-domain';
import type { CommandCause, CommandResult, Transaction } from '@santunan/platform';
import { ParticipantCommands } from '../shared/participant-commands';

/**
 * The participant is deceased (no more income changes): recorded by an enrollment officer the
 * death was reported to, or from claims' death register. The same death again changes nothing.
 */
@Injectable()
export class RecordDeathHandler {
  constructor(@Inject(ParticipantCommands) private readonly participants: ParticipantCommands) {}

  /** An officer's record, in its own transaction. */
  record(
    participantId: string,
    death: Omit<RecordDeath, 'type'>,
    cause: CommandCause,
  ): Promise<CommandResult<ParticipantState>> {
    return this.participants.handle({ ...cause, participantId, command: this.command(death) });
  }

  /**
   * Claims' record, decided and appended in the consumer's inbox transaction, so the death and
   * the inbox row commit together; a concurrent write to the stream rolls both back and the
   * consumer retries.
   */
  recordWithin(
    tx: Transaction,
    participantId: string,
    death: Omit<RecordDeath, 'type'>,
    cause: CommandCause,
  ): Promise<CommandResult<ParticipantState>> {
    return this.participants.handleWithin(tx, {
      ...cause,
      participantId,
      command: this.command(death),
    });
  }

  private command(death: Omit<RecordDeath, 'type'>): RecordDeath {
    return { type: 'RecordDeath', dateOfDeath: death.dateOfDeath, recordedBy: death.recordedBy };
  }
}
