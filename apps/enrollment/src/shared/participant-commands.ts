import { Inject, Injectable } from '@nestjs/common';
import type { EnrollmentEvent } from '@santunan/contracts';
import {
  decide,
  evolve,
  initialState,
  type ParticipantCommand,
  type ParticipantState,
  type RegionDirectory,
} from '@santunan/enrollment-domain';
import {
  ServiceRuntime,
  type BoundDecider,
  type CommandMetadata,
  type CommandRequest,
  type CommandResult,
  type EventSourcedRepository,
  type Transaction,
} from '@santunan/platform';
import { enrollmentContextFor } from './enrollment-context';
import { PARTICIPANT_STREAM, participantStreamId } from './participant.stream';

/** The Kemendagri region directory the deciders and the presenter read (a provider). */
export const REGION_DIRECTORY = Symbol('enrollment:region-directory');

export interface ParticipantCommandRequest extends CommandMetadata<ParticipantState> {
  readonly participantId: string;
  readonly command: ParticipantCommand;
}

/**
 * The write side of a participant: the pure decider with today's date, the income floor in
 * force and the region codes bound in, run by the platform's event-sourced repository (load,
 * decide, seal personal data with the participant's key, append with the outbox). Shared by
 * the use cases' handlers, the bulk enroller and the participant view.
 */
@Injectable()
export class ParticipantCommands {
  readonly repository: EventSourcedRepository<EnrollmentEvent>;

  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(REGION_DIRECTORY) private readonly regions: RegionDirectory,
  ) {
    this.repository = runtime.repository(PARTICIPANT_STREAM);
  }

  decider(
    command: ParticipantCommand,
  ): BoundDecider<ParticipantCommand, EnrollmentEvent, ParticipantState> {
    const context = enrollmentContextFor(command, this.runtime.clock.today(), this.regions);
    return { decide: (c, state) => decide(c, state, context), evolve, initialState };
  }

  handle(request: ParticipantCommandRequest): Promise<CommandResult<ParticipantState>> {
    return this.repository.handle(this.commandRequest(request));
  }

  /** The same, inside a transaction the caller owns (a consumer's inbox transaction). */
  handleWithin(
    tx: Transaction,
    request: ParticipantCommandRequest,
  ): Promise<CommandResult<ParticipantState>> {
    return this.repository.handleWithin(tx, this.commandRequest(request));
  }

  private commandRequest(
    request: ParticipantCommandRequest,
  ): CommandRequest<ParticipantCommand, EnrollmentEvent, ParticipantState> {
    const { participantId, ...metadata } = request;
    return {
      ...metadata,
      streamId: participantStreamId(participantId),
      decider: this.decider(request.command),
      // The participant is the data subject: erasing their key shreds every copy.
      dataSubjectId: participantId,
    };
  }

  async load(participantId: string): Promise<{ state: ParticipantState; version: number }> {
    return this.repository.load(participantStreamId(participantId), { evolve, initialState });
  }
}
