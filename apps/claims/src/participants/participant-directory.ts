import type { SqlExecutor } from '@santunan/platform';
import { refused } from '../shared/claims-rejections';
import type { KnownParticipant, ParticipantFactsReader } from './participant-facts.reader';

/** Participants as claims knows them from enrollment's events, for the HTTP edge. */
export class ParticipantDirectory {
  constructor(
    private readonly reader: ParticipantFactsReader,
    private readonly database: SqlExecutor,
  ) {}

  /** A claim is only taken in for a participant enrollment registered (422 otherwise). */
  async require(participantId: string): Promise<KnownParticipant> {
    const participant = await this.reader.find(this.database, participantId);
    if (participant === null) {
      throw refused(
        'PARTICIPANT_UNKNOWN',
        `participant ${participantId} is not registered (no ParticipantRegistered from enrollment)`,
        { participantId },
      );
    }
    return participant;
  }
}
