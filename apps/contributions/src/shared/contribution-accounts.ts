import type { ContributionAccountEvent } from '@santunan/contracts';
import {
  decideContributionAccount,
  evolveContributionAccount,
  initialContributionAccountState,
  type ContributionAccountCommand,
  type ContributionAccountState,
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
import { contributionAccountStreamId } from './contribution-streams';

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
export class ContributionAccounts {
  private readonly fold: StreamFold<ContributionAccountEvent, ContributionAccountState>;

  constructor(
    readonly streams: AccountStreams,
    private readonly context: ContributionsContext,
    cache?: FoldedStateCache<ContributionAccountState>,
  ) {
    this.fold = { ...CONTRIBUTION_ACCOUNT_FOLDING, cache };
  }

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
      decider: { ...this.fold, decide: (c, state) => decideContributionAccount(c, state, context) },
      // Contributions events hold no personal data; the participant would be its subject.
      dataSubjectId: participantId,
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
    return this.streams.load(contributionAccountStreamId(participantId), this.fold, executor);
  }
}
