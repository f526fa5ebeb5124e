import type { SponsorProgramEvent } from '@santunan/contracts';
import {
  decideSponsorProgram,
  evolveSponsorProgram,
  initialSponsorProgramState,
  type SponsorProgramCommand,
  type SponsorProgramState,
} from '@santunan/contributions-domain';
import type {
  CommandMetadata,
  CommandRequest,
  CommandResult,
  EventSourcedRepository,
  FoldedStateCache,
  FoldedStream,
  SqlExecutor,
  StreamFold,
  Transaction,
} from '@santunan/platform';
import type { ContributionsContext } from './contributions-context';
import { sponsorProgramStreamId } from './contribution-streams';

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
export class SponsorPrograms {
  private readonly fold: StreamFold<SponsorProgramEvent, SponsorProgramState>;

  constructor(
    readonly streams: ProgramStreams,
    private readonly context: ContributionsContext,
    cache?: FoldedStateCache<SponsorProgramState>,
  ) {
    this.fold = { ...SPONSOR_PROGRAM_FOLDING, cache };
  }

  request(
    programId: string,
    command: SponsorProgramCommand,
    metadata: CommandMetadata<SponsorProgramState>,
  ): CommandRequest<SponsorProgramCommand, SponsorProgramEvent, SponsorProgramState> {
    const context = this.context.program();
    return {
      ...metadata,
      streamId: sponsorProgramStreamId(programId),
      command,
      decider: { ...this.fold, decide: (c, state) => decideSponsorProgram(c, state, context) },
      // Contributions events hold no personal data; nothing is sealed for this subject.
      dataSubjectId: programId,
    };
  }

  handle(
    programId: string,
    command: SponsorProgramCommand,
    metadata: CommandMetadata<SponsorProgramState>,
    tx?: Transaction,
  ): Promise<CommandResult<SponsorProgramState>> {
    const request = this.request(programId, command, metadata);
    return tx ? this.streams.handleWithin(tx, request) : this.streams.handle(request);
  }

  load(programId: string, executor?: SqlExecutor): Promise<FoldedStream<SponsorProgramState>> {
    return this.streams.load(sponsorProgramStreamId(programId), this.fold, executor);
  }
}
