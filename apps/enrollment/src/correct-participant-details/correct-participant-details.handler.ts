import { Inject, Injectable } from '@nestjs/common';
import type { CorrectParticipantDetails, ParticipantState } from '@santunan/enrollment-domain';
import type { CommandCause, CommandResult } from '@santunan/platform';
import { ParticipantCommands } from '../shared/participant-commands';

/** Corrects a participant's name, address, phone or occupation, with a reason. */
@Injectable()
export class CorrectParticipantDetailsHandler {
  constructor(@Inject(ParticipantCommands) private readonly participants: ParticipantCommands) {}

  correct(
    participantId: string,
    correction: Omit<CorrectParticipantDetails, 'type'>,
    cause: CommandCause,
  ): Promise<CommandResult<ParticipantState>> {
    return this.participants.handle({
      ...cause,
      participantId,
      command: {
        type: 'CorrectParticipantDetails',
        reason: correction.reason,
        ...(correction.fullName === undefined ? {} : { fullName: correction.fullName }),
        ...(correction.address === undefined
          ? {}
          : {
              address: {
                line: correction.address.line,
                regencyCode: correction.address.regencyCode,
              },
            }),
        ...(correction.phone === undefined ? {} : { phone: correction.phone }),
        ...(correction.occupation === undefined ? {} : { occupation: correction.occupation }),
      },
    });
  }
}
