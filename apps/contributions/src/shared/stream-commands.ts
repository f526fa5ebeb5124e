import type {
  BoundDecider,
  CommandMetadata,
  CommandRequest,
  CommandResult,
  DomainEvent,
  EventSourcedRepository,
  FoldedStateCache,
  FoldedStream,
  SqlExecutor,
  StreamFold,
  Transaction,
} from '@santunan/platform';

/**
 * Commands to one kind of contributions stream on the platform's write path: the pure decider
 * with its context (today, calendar, policy) bound at each command, the folds cached when a
 * cache is given (docs/adr/0012).
 */
export abstract class StreamCommands<Command, Event extends DomainEvent, State> {
  private readonly fold: StreamFold<Event, State>;

  constructor(
    readonly streams: EventSourcedRepository<Event>,
    folding: StreamFold<Event, State>,
    cache?: FoldedStateCache<State>,
  ) {
    this.fold = { ...folding, cache };
  }

  /** The stream of the account or program `id` names. */
  protected abstract streamIdOf(id: string): string;

  /** The decider's decide, with the context of this moment bound in. */
  protected abstract decideNow(): BoundDecider<Command, Event, State>['decide'];

  request(
    id: string,
    command: Command,
    metadata: CommandMetadata<State>,
  ): CommandRequest<Command, Event, State> {
    return {
      ...metadata,
      streamId: this.streamIdOf(id),
      command,
      decider: { ...this.fold, decide: this.decideNow() },
      // Contributions events hold no personal data; the participant or program would be its
      // subject.
      dataSubjectId: id,
    };
  }

  handle(
    id: string,
    command: Command,
    metadata: CommandMetadata<State>,
    tx?: Transaction,
  ): Promise<CommandResult<State>> {
    const request = this.request(id, command, metadata);
    return tx ? this.streams.handleWithin(tx, request) : this.streams.handle(request);
  }

  load(id: string, executor?: SqlExecutor): Promise<FoldedStream<State>> {
    return this.streams.load(this.streamIdOf(id), this.fold, executor);
  }
}
