import { Inject, Injectable } from '@nestjs/common';
import type { ChangeDeclaredIncome, ParticipantState } from '@santunan/enrollment-domain';
import type { CommandCause, CommandResult } from '@santunan/platform';
import { ParticipantCommands } from '../shared/participant-commands';

/** A new declared income from a later month (at least the floor of that month's rules). */
@Injectable()
export class ChangeDeclaredIncomeHandler {
  constructor(@Inject(ParticipantCommands) private readonly participants: ParticipantCommands) {}

  change(
    participantId: string,
    change: Omit<ChangeDeclaredIncome, 'type'>,
    cause: CommandCause,
  ): Promise<CommandResult<ParticipantState>> {
    return this.participants.handle({
      ...cause,
      participantId,
      command: {
        type: 'ChangeDeclaredIncome',
        declaredIncome: change.declaredIncome,
        effectiveFrom: change.effectiveFrom,
      },
    });
  }
}
