import { Inject, Injectable } from '@nestjs/common';
import type { ParticipantState, RegisterChild } from '@santunan/enrollment-domain';
import { ServiceRuntime, type CommandCause, type CommandResult } from '@santunan/platform';
import { ParticipantCommands } from '../shared/participant-commands';

export type ChildRegistration = Omit<RegisterChild, 'type' | 'childId'> & {
  /** Given by the caller to retry safely; a new id otherwise. */
  readonly childId?: string | undefined;
};

/** Registers a child for scholarships (at most two, PP 82/2019). */
@Injectable()
export class RegisterChildHandler {
  constructor(
    @Inject(ParticipantCommands) private readonly participants: ParticipantCommands,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
  ) {}

  async register(
    participantId: string,
    child: ChildRegistration,
    cause: CommandCause,
  ): Promise<{ readonly childId: string; readonly result: CommandResult<ParticipantState> }> {
    const childId = child.childId ?? this.runtime.ids.next();
    const result = await this.participants.handle({
      ...cause,
      participantId,
      command: {
        type: 'RegisterChild',
        childId,
        fullName: child.fullName,
        birthDate: child.birthDate,
        relationship: child.relationship,
      },
    });
    return { childId, result };
  }
}
