import type { SponsorProgramEvent } from '@santunan/contracts';
import {
  decideSponsorProgram,
  evolveSponsorProgram,
  initialSponsorProgramState,
  type SponsorProgramCommand,
  type SponsorProgramState,
} from '@santunan/contributions-domain';
import type { CommandResult, SqlExecutor, Transaction } from '@santunan/platform';
import type { FoldedStream } from '../event-sourcing/folded-state.cache';
import type {
  CommandMetadata,
  EventSourcedStreams,
  StreamCommand,
} from '../event-sourcing/event-sourced-streams';
import type { ContributionsContext } from './contributions-context';
import { sponsorProgramStreamId } from './contribution-streams';

export type ProgramStreams = EventSourcedStreams<SponsorProgramEvent, SponsorProgramState>;

export const SPONSOR_PROGRAM_FOLDING = {
  evolve: evolveSponsorProgram,
  initialState: initialSponsorProgramState,
};

/** Commands to sponsor programs: the pure decider with today and the calendar bound in. */
export class SponsorPrograms {
  constructor(
    readonly streams: ProgramStreams,
    private readonly context: ContributionsContext,
  ) {}

  request(
    programId: string,
    command: SponsorProgramCommand,
    metadata: CommandMetadata<SponsorProgramState>,
  ): StreamCommand<SponsorProgramCommand, SponsorProgramEvent, SponsorProgramState> {
    const context = this.context.program();
    return {
      ...metadata,
      streamId: sponsorProgramStreamId(programId),
      command,
      decide: (c, state) => decideSponsorProgram(c, state, context),
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
    return this.streams.load(sponsorProgramStreamId(programId), executor);
  }
}
