import { Inject, Injectable } from '@nestjs/common';
import type { ParticipantState, RegisterParticipant } from '@santunan/enrollment-domain';
import { ServiceRuntime, type CommandCause, type CommandResult } from '@santunan/platform';
import { LookupHasher } from '../shared/lookup-hasher';
import { NikAlreadyIndexedError, NikIndex } from '../shared/nik-index';
import { ParticipantCommands } from '../shared/participant-commands';

export type Registration = Omit<RegisterParticipant, 'type' | 'participantId'>;

export interface RegistrationOutcome {
  readonly participantId: string;
  readonly result: CommandResult<ParticipantState>;
}

const ATTEMPTS = 3;

/**
 * Registers a participant, idempotently by NIK: the NIK index says whether the person exists.
 * If so the decider sees the existing stream and either finds the same data (nothing to do)
 * or refuses, naming the participant. If not, a new id is taken and the index row is
 * written with the registration; a concurrent registration of the same NIK makes that
 * insert fail, and the command is tried again against the winner.
 */
@Injectable()
export class RegisterParticipantHandler {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(ParticipantCommands) private readonly participants: ParticipantCommands,
    @Inject(NikIndex) private readonly nikIndex: NikIndex,
    @Inject(LookupHasher) private readonly hasher: LookupHasher,
  ) {}

  async register(registration: Registration, cause: CommandCause): Promise<RegistrationOutcome> {
    const nikHash = this.hasher.nik(registration.nik);
    for (let attempt = 1; ; attempt += 1) {
      const existing = await this.nikIndex.find(this.runtime.database, nikHash);
      const participantId = existing ?? this.runtime.ids.next();
      try {
        const result = await this.participants.handle({
          ...cause,
          participantId,
          command: { ...registration, type: 'RegisterParticipant', participantId },
          alongside:
            existing === undefined
              ? (tx) =>
                  this.nikIndex.insert(tx, [{ nikHashHex: nikHash.toString('hex'), participantId }])
              : undefined,
        });
        return { participantId, result };
      } catch (error) {
        if (error instanceof NikAlreadyIndexedError && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
  }
}
