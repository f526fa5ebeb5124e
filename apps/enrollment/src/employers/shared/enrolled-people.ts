import { Inject, Injectable } from '@nestjs/common';
import type { EnrollmentEvent } from '@santunan/contracts';
import { evolve, initialState } from '@santunan/enrollment-domain';
import { ServiceRuntime, type EventSourcedRepository } from '@santunan/platform';
import { PARTICIPANT_STREAM, participantStreamId } from '../../shared/participant.stream';

/**
 * What the employers context asks enrollment about a person (ADR 0037): only the death it
 * recorded, read from the participant's stream in the same process. A person known to the
 * NIK index only as a worker has no participant stream, and no recorded death.
 */
@Injectable()
export class EnrolledPeople {
  private readonly participants: EventSourcedRepository<EnrollmentEvent>;

  constructor(@Inject(ServiceRuntime) runtime: ServiceRuntime) {
    this.participants = runtime.repository(PARTICIPANT_STREAM);
  }

  async recordedDeath(participantId: string): Promise<string | undefined> {
    const { state } = await this.participants.load(participantStreamId(participantId), {
      evolve,
      initialState,
    });
    return state.status === 'deceased' ? state.dateOfDeath : undefined;
  }
}
