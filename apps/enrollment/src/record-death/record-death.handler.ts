import { Inject, Injectable } from '@nestjs/common';
import type { ParticipantState, RecordDeath } from '@santunan/enrollment-domain';
import type { CommandCause, CommandResult, Transaction } from '@santunan/platform';
import { ParticipantCommands } from '../shared/participant-commands';

/**
 * The participant is deceased (no more income changes). Decided and appended in the caller's
 * transaction (the consumer's inbox transaction), so the death and the inbox row commit
 * together; a concurrent write to the stream rolls both back and the consumer retries.
 */
@Injectable()
export class RecordDeathHandler {
  constructor(@Inject(ParticipantCommands) private readonly participants: ParticipantCommands) {}

  record(
    tx: Transaction,
    participantId: string,
    death: Omit<RecordDeath, 'type'>,
    cause: CommandCause,
  ): Promise<CommandResult<ParticipantState>> {
    return this.participants.handleWithin(tx, {
      ...cause,
      participantId,
      command: {
        type: 'RecordDeath',
        dateOfDeath: death.dateOfDeath,
        recordedByEventId: death.recordedByEventId,
      },
    });
  }
}
