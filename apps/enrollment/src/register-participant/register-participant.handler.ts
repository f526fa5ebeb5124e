import type { RegisterParticipant } from '@santunan/enrollment-domain';
import { accepted, type Actor, type IdGenerator, type PlatformDatabase } from '@santunan/platform';
import type { LookupHasher } from '../participants/lookup-hasher';
import { NikAlreadyIndexedError, type NikIndex } from '../participants/nik-index';
import type { ParticipantCommands } from '../participants/participant-commands';

export type Registration = Omit<RegisterParticipant, 'type' | 'participantId'>;

export interface RegistrationOutcome {
  readonly participantId: string;
  readonly created: boolean;
}

const ATTEMPTS = 3;

/**
 * Registers a participant, idempotently by NIK: the NIK index says whether the person exists.
 * If so the decider sees the existing stream and either finds the same data (nothing to do)
 * or refuses, naming the participant. If not, a new id is taken and the index row is
 * written with the registration; a concurrent registration of the same NIK makes that
 * insert fail, and the command is tried again against the winner.
 */
export class RegisterParticipantHandler {
  constructor(
    private readonly database: PlatformDatabase,
    private readonly participants: ParticipantCommands,
    private readonly nikIndex: NikIndex,
    private readonly hasher: LookupHasher,
    private readonly ids: IdGenerator,
  ) {}

  async register(
    registration: Registration,
    actor: Actor,
    correlationId: string,
  ): Promise<RegistrationOutcome> {
    const nikHash = this.hasher.nik(registration.nik);
    for (let attempt = 1; ; attempt += 1) {
      const existing = await this.nikIndex.find(this.database, nikHash);
      const participantId = existing ?? this.ids.next();
      try {
        const result = await this.participants.handle({
          participantId,
          command: { ...registration, type: 'RegisterParticipant', participantId },
          actor,
          correlationId,
          alongside:
            existing === undefined
              ? (tx) =>
                  this.nikIndex.insert(tx, [{ nikHashHex: nikHash.toString('hex'), participantId }])
              : undefined,
        });
        return { participantId, created: accepted(result).events.length > 0 };
      } catch (error) {
        if (error instanceof NikAlreadyIndexedError && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
  }
}
