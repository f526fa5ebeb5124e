import { Inject, Injectable } from '@nestjs/common';
import type { SponsorProgramCommand, SponsorProgramState } from '@santunan/contributions-domain';
import type { CommandCause, CommandResult, IdGenerator } from '@santunan/platform';
import { ProgramRegistry } from '../shared/program-registry';
import { SERVICE_IDS } from '../shared/service-tokens';
import { SponsorPrograms } from '../shared/sponsor-programs';

type OpenSponsorProgram = Extract<SponsorProgramCommand, { type: 'OpenSponsorProgram' }>;

export interface OpenSponsorProgramRequest {
  /** A new id when omitted. */
  readonly programId?: string;
  /** The sponsor operators who may act on the program; the opener when omitted. */
  readonly operatorIds?: readonly string[];
  readonly terms: Omit<OpenSponsorProgram, 'type' | 'programId'>;
}

export type OpenedProgram = Extract<CommandResult<SponsorProgramState>, { ok: true }> & {
  readonly programId: string;
  readonly operatorIds: readonly string[];
};

/**
 * Opens a sponsor program, registering it and its operators in the same transaction
 * (`sponsor_programs`). The same opening again is accepted with no events.
 */
@Injectable()
export class OpenSponsorProgramHandler {
  constructor(
    @Inject(SponsorPrograms) private readonly programs: SponsorPrograms,
    @Inject(ProgramRegistry) private readonly registry: ProgramRegistry,
    @Inject(SERVICE_IDS) private readonly ids: IdGenerator,
  ) {}

  async open(
    request: OpenSponsorProgramRequest,
    cause: CommandCause,
  ): Promise<OpenedProgram | Extract<CommandResult<SponsorProgramState>, { ok: false }>> {
    const programId = request.programId ?? this.ids.next();
    const operatorIds = request.operatorIds ?? [cause.actor.id];
    const { terms } = request;
    const result = await this.programs.handle(
      programId,
      { type: 'OpenSponsorProgram', programId, ...terms },
      {
        ...cause,
        alongside: (tx) =>
          this.registry.register(tx, {
            programId,
            operatorIds,
            firstMonth: terms.firstMonth,
            lastMonth: terms.lastMonth,
            openedBy: cause.actor.id,
          }),
      },
    );
    if (!result.ok) return result;
    const registered = await this.registry.find(programId);
    return { ...result, programId, operatorIds: [...(registered?.operatorIds ?? operatorIds)] };
  }
}
