import { Inject, Injectable } from '@nestjs/common';
import type { Heir } from '@santunan/contracts';
import type { ParticipantState } from '@santunan/enrollment-domain';
import { ServiceRuntime, type CommandCause, type CommandResult } from '@santunan/platform';
import { ParticipantCommands } from '../shared/participant-commands';

/** An heir as designated: the id is given here when the caller has none yet. */
export type HeirDesignation = Omit<Heir, 'heirId'> & { readonly heirId?: string | undefined };

/** Replaces the heirs (ahli waris); names and bank accounts are sealed with the participant's key. */
@Injectable()
export class DesignateHeirsHandler {
  constructor(
    @Inject(ParticipantCommands) private readonly participants: ParticipantCommands,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
  ) {}

  designate(
    participantId: string,
    heirs: readonly HeirDesignation[],
    cause: CommandCause,
  ): Promise<CommandResult<ParticipantState>> {
    return this.participants.handle({
      ...cause,
      participantId,
      command: { type: 'DesignateHeirs', heirs: heirs.map((heir) => this.toHeir(heir)) },
    });
  }

  private toHeir(heir: HeirDesignation): Heir {
    return {
      heirId: heir.heirId ?? this.runtime.ids.next(),
      fullName: heir.fullName,
      relationship: heir.relationship,
      ...(heir.birthDate === undefined ? {} : { birthDate: heir.birthDate }),
      ...(heir.bankAccount === undefined
        ? {}
        : {
            bankAccount: {
              bankCode: heir.bankAccount.bankCode,
              accountNumber: heir.bankAccount.accountNumber,
              accountName: heir.bankAccount.accountName,
            },
          }),
    };
  }
}
