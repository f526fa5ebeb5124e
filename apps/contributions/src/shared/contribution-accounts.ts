import type { ContributionAccountEvent } from '@santunan/contracts';
import {
  decideContributionAccount,
  evolveContributionAccount,
  initialContributionAccountState,
  type ContributionAccountCommand,
  type ContributionAccountState,
} from '@santunan/contributions-domain';
import type {
  CommandRequest,
  CommandResult,
  EventSourcedRepository,
  FoldedStateCache,
  StreamFold,
} from '@santunan/platform';
import type { ContributionsContext } from './contributions-context';
import { contributionAccountStreamId } from './contribution-streams';
import { StreamCommands } from './stream-commands';

export type AccountStreams = EventSourcedRepository<ContributionAccountEvent>;

export const CONTRIBUTION_ACCOUNT_FOLDING: StreamFold<
  ContributionAccountEvent,
  ContributionAccountState
> = {
  evolve: evolveContributionAccount,
  initialState: initialContributionAccountState,
};

export type AccountCommandRequest = CommandRequest<
  ContributionAccountCommand,
  ContributionAccountEvent,
  ContributionAccountState
>;

/**
 * Commands to participants' contribution accounts, with today, calendar and policy bound, on
 * the platform's write path (with the account folds cached when a cache is given).
 */
export class ContributionAccounts extends StreamCommands<
  ContributionAccountCommand,
  ContributionAccountEvent,
  ContributionAccountState
> {
  constructor(
    streams: AccountStreams,
    private readonly context: ContributionsContext,
    cache?: FoldedStateCache<ContributionAccountState>,
  ) {
    super(streams, CONTRIBUTION_ACCOUNT_FOLDING, cache);
  }

  protected streamIdOf(participantId: string): string {
    return contributionAccountStreamId(participantId);
  }

  protected decideNow() {
    const context = this.context.account();
    return (command: ContributionAccountCommand, state: ContributionAccountState) =>
      decideContributionAccount(command, state, context);
  }

  /** Many accounts in one transaction (a scheduler page, a chunk of a sponsor payment). */
  handleMany(
    requests: readonly AccountCommandRequest[],
  ): Promise<CommandResult<ContributionAccountState>[]> {
    return this.streams.handleMany(requests);
  }
}
