import type { ContributionAccountEvent } from '@santunan/contracts';
import {
  decideContributionAccount,
  evolveContributionAccount,
  initialContributionAccountState,
  type ContributionAccountCommand,
  type ContributionAccountState,
} from '@santunan/contributions-domain';
import type { CommandResult, SqlExecutor, Transaction } from '@santunan/platform';
import type { FoldedStream } from '../event-sourcing/folded-state.cache';
import type {
  CommandMetadata,
  EventSourcedStreams,
  StreamCommand,
} from '../event-sourcing/event-sourced-streams';
import type { ContributionsContext } from './contributions-context';
import { contributionAccountStreamId } from './contribution-streams';

export type AccountStreams = EventSourcedStreams<
  ContributionAccountEvent,
  ContributionAccountState
>;

export const CONTRIBUTION_ACCOUNT_FOLDING = {
  evolve: evolveContributionAccount,
  initialState: initialContributionAccountState,
};

export type AccountCommandRequest = StreamCommand<
  ContributionAccountCommand,
  ContributionAccountEvent,
  ContributionAccountState
>;

/** Commands to participants' contribution accounts, with today, calendar and policy bound. */
export class ContributionAccounts {
  constructor(
    readonly streams: AccountStreams,
    private readonly context: ContributionsContext,
  ) {}

  request(
    participantId: string,
    command: ContributionAccountCommand,
    metadata: CommandMetadata<ContributionAccountState>,
  ): AccountCommandRequest {
    const context = this.context.account();
    return {
      ...metadata,
      streamId: contributionAccountStreamId(participantId),
      command,
      decide: (c, state) => decideContributionAccount(c, state, context),
    };
  }

  handle(
    participantId: string,
    command: ContributionAccountCommand,
    metadata: CommandMetadata<ContributionAccountState>,
    tx?: Transaction,
  ): Promise<CommandResult<ContributionAccountState>> {
    const request = this.request(participantId, command, metadata);
    return tx ? this.streams.handleWithin(tx, request) : this.streams.handle(request);
  }

  /** Many accounts in one transaction (a scheduler page, a chunk of a sponsor payment). */
  handleMany(
    requests: readonly AccountCommandRequest[],
  ): Promise<CommandResult<ContributionAccountState>[]> {
    return this.streams.handleMany(requests);
  }

  load(
    participantId: string,
    executor?: SqlExecutor,
  ): Promise<FoldedStream<ContributionAccountState>> {
    return this.streams.load(contributionAccountStreamId(participantId), executor);
  }
}
