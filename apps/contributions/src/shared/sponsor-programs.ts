import type { SponsorProgramEvent } from '@santunan/contracts';
import {
  decideSponsorProgram,
  evolveSponsorProgram,
  initialSponsorProgramState,
  type SponsorProgramCommand,
  type SponsorProgramState,
} from '@santunan/contributions-domain';
import type { EventSourcedRepository, FoldedStateCache, StreamFold } from '@santunan/platform';
import type { ContributionsContext } from './contributions-context';
import { sponsorProgramStreamId } from './contribution-streams';
import { StreamCommands } from './stream-commands';

export type ProgramStreams = EventSourcedRepository<SponsorProgramEvent>;

export const SPONSOR_PROGRAM_FOLDING: StreamFold<SponsorProgramEvent, SponsorProgramState> = {
  evolve: evolveSponsorProgram,
  initialState: initialSponsorProgramState,
};

/**
 * Commands to sponsor programs: the pure decider with today and the calendar bound in. A
 * program stream holds every enrolment, so its folds are cached when a cache is given
 * (docs/adr/0012).
 */
export class SponsorPrograms extends StreamCommands<
  SponsorProgramCommand,
  SponsorProgramEvent,
  SponsorProgramState
> {
  constructor(
    streams: ProgramStreams,
    private readonly context: ContributionsContext,
    cache?: FoldedStateCache<SponsorProgramState>,
  ) {
    super(streams, SPONSOR_PROGRAM_FOLDING, cache);
  }

  protected streamIdOf(programId: string): string {
    return sponsorProgramStreamId(programId);
  }

  protected decideNow() {
    const context = this.context.program();
    return (command: SponsorProgramCommand, state: SponsorProgramState) =>
      decideSponsorProgram(command, state, context);
  }
}
