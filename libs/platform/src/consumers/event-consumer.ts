import { verifyEventSignature, type EventKeyring } from '@santunan/contracts';
import type { PlatformDatabase, Transaction } from '../database/platform-database';
import type { EventEnvelope } from '../event-store/envelope';
import type { FieldError } from '../http/field-errors';
import type { KafkaMessaging } from '../messaging/kafka-messaging';
import type { IncomingMessage, MessagePublisher, Subscription } from '../messaging/messages';
import { withLogContext } from '../observability/log-context';
import { defaultLogger, type PlatformLogger } from '../observability/logger';
import { collectingRecordedEvents, type EventFields } from '../observability/recorded-events';
import { inSpan, parentFrom, SpanKind } from '../observability/trace-context';
import type { MessageSource } from './consumed-event';
import type { ConsumerOutcome } from './consumer-outcome';
import { deadLetterTopic } from './consumer-topics';
import { isContention } from './contention';
import { isDatabaseUnavailable } from './database-unavailable';
import { deadLetterMessage, type DeadLetterFailure } from './dead-letter';
import { UndecodableMessageError, decodeHashedEnvelope } from './envelope-decoder';
import type { EventDispatch, PreparedEvent } from './event-dispatch';
import { PayloadRejectedError } from './payload-rejected.error';
import { recordInInbox, type InboxEntry, type InboxOutcome } from './inbox';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export interface EventConsumerOptions {
  /** Names the consumer in the inbox: keep it stable, or every event is applied again. */
  readonly name: string;
  /** Kafka consumer group; defaults to `name`. */
  readonly groupId?: string;
  readonly topics: readonly string[];
  /** A new group reads from the start by default: event-carried state needs the whole history. */
  readonly fromBeginning?: boolean;
  readonly messaging: Pick<KafkaMessaging, 'subscribe' | 'createPublisher'>;
  readonly database: Pick<PlatformDatabase, 'transaction'>;
  /** Finds each event's handler: the transport's `@EventPattern` handlers. */
  readonly handlers: EventDispatch;
  /**
   * Reads a message into an envelope: the platform's own envelope by default. A foreign
   * producer's format (a bank's settlement report) plugs in here; throw
   * UndecodableMessageError for a message that can never be read. A foreign format is
   * checked by its decoder only: the signature and the hash are the platform's envelope's.
   */
  readonly decode?: (message: IncomingMessage) => Envelope;
  /**
   * The published public keys (ADR 0025). A platform envelope is applied only when its
   * signature verifies against them and its hash is the hash of what it carries.
   */
  readonly keyring: EventKeyring;
  /**
   * The context whose key must have signed what this consumer reads. Topics can be renamed
   * by configuration, so the group says whom it listens to; unset, a context's own topic
   * name (`<context>.events`) says it, and on any other topic any published key counts.
   */
  readonly publishedBy?: string;
  readonly retry?: RetryPolicy;
  /** Partitions applied at the same time, each in its own order (default 3, ADR 0031). */
  readonly partitionsInParallel?: number;
  readonly onOutcome?: (outcome: ConsumerOutcome) => void;
  readonly logger?: PlatformLogger;
}

/**
 * A message's transaction mostly waits on PostgreSQL, so one partition at a time left a
 * consumer far below what its database could take (20–40 messages/s for payouts' approvals);
 * three (the topics' partition count) apply like three replicas would: the inbox keeps each
 * event applied once, and contention between them on one stream is retried.
 */
const DEFAULT_PARTITIONS_IN_PARALLEL = 3;

type Envelope = EventEnvelope<string, Readonly<Record<string, unknown>>>;

/**
 * At-least-once consumption made effectively-once: each event's side effect and its inbox row
 * commit together, a redelivery finds the row and is skipped, and a message that cannot be
 * applied is parked in `<topic>.dlq` so its partition keeps moving. The offset is committed
 * (by the subscription) only after the message is applied, skipped or dead-lettered.
 */
export class EventConsumer {
  private subscription: Subscription | undefined;
  private publisher: MessagePublisher | undefined;
  private readonly retry: RetryPolicy;
  private readonly logger: PlatformLogger;

  constructor(private readonly options: EventConsumerOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.logger = (options.logger ?? defaultLogger()).child({ consumer: options.name });
  }

  get name(): string {
    return this.options.name;
  }

  async start(): Promise<void> {
    if (this.subscription) throw new Error(`consumer ${this.name} is already started`);
    this.publisher = await this.options.messaging.createPublisher();
    this.subscription = await this.options.messaging.subscribe({
      groupId: this.options.groupId ?? this.name,
      topics: this.options.topics,
      fromBeginning: this.options.fromBeginning ?? true,
      handle: (message) => this.handle(message),
      partitionsInParallel: this.options.partitionsInParallel ?? DEFAULT_PARTITIONS_IN_PARALLEL,
    });
  }

  async stop(): Promise<void> {
    const { subscription, publisher } = this;
    this.subscription = undefined;
    this.publisher = undefined;
    await subscription?.stop();
    await publisher?.close();
  }

  /**
   * Each message in a consumer span, the child of the trace its headers carry (the request
   * that recorded the event, ADR 0028): the handler's HTTP calls and the events it records
   * continue that trace, and every line logged meanwhile carries its ids.
   */
  private handle(message: IncomingMessage): Promise<void> {
    return inSpan(
      {
        name: `${message.topic} process`,
        kind: SpanKind.CONSUMER,
        parent: parentFrom(message.headers),
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': message.topic,
          'messaging.destination.partition.id': String(message.partition),
          'messaging.kafka.offset': Number(message.offset),
          'messaging.consumer.group.name': this.options.groupId ?? this.name,
          ...(message.headers['event-id']
            ? { 'messaging.message.id': message.headers['event-id'] }
            : {}),
        },
      },
      () => this.receive(message),
    );
  }

  private async receive(message: IncomingMessage): Promise<void> {
    const source: MessageSource = {
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
    };
    let envelope: Envelope;
    try {
      if (this.options.decode) {
        envelope = this.options.decode(message);
      } else {
        // Nothing of an unverified message is read, not even its event id: a forged id would
        // otherwise reach the inbox and hide the genuine event behind a "duplicate".
        const signature = verifyEventSignature(this.options.keyring, message, {
          owner: this.options.publishedBy,
        });
        if (!signature.ok) {
          return this.deadLetter(message, {
            reasonCode: signature.reason,
            error: signature.message,
            attempts: 1,
          });
        }
        const decoded = decodeHashedEnvelope(message.value);
        envelope = decoded.envelope;
        if (decoded.recomputedHash !== envelope.hash) {
          return this.deadLetter(
            message,
            {
              reasonCode: 'HASH_MISMATCH',
              error: `carried hash ${envelope.hash} is not the hash of the event's fields (${decoded.recomputedHash})`,
              attempts: 1,
            },
            envelope,
          );
        }
      }
    } catch (error) {
      if (!(error instanceof UndecodableMessageError)) throw error;
      // Retrying cannot make bad bytes readable.
      return this.deadLetter(message, {
        reasonCode: 'MESSAGE_UNDECODABLE',
        error: error.message,
        attempts: 1,
      });
    }

    const preparing = this.options.handlers.prepare(envelope, source);
    if (preparing === undefined) return this.skip(envelope, source);
    let prepared: PreparedEvent;
    try {
      prepared = await preparing;
    } catch (error) {
      prepared = {
        ok: false,
        errors: [{ field: 'data', constraint: 'transformable', message: describe(error) }],
      };
    }
    if (!prepared.ok) {
      const failure: DeadLetterFailure = {
        reasonCode: prepared.reasonCode ?? 'PAYLOAD_INVALID',
        error: describeFieldErrors(
          prepared.reasonCode === 'SCHEMA_VERSION_UNKNOWN'
            ? 'schema version unknown'
            : 'payload invalid',
          prepared.errors,
        ),
        attempts: 1,
      };
      return this.deadLetter(message, failure, envelope);
    }
    const apply = prepared.apply;
    return withLogContext(
      {
        correlationId: envelope.metadata.correlationId,
        consumed: {
          id: envelope.eventId,
          type: envelope.type,
          stream: envelope.streamId,
          topic: source.topic,
          partition: source.partition,
          offset: source.offset,
        },
      },
      () => this.applyWithRetries(message, envelope, source, apply),
    );
  }

  private async applyWithRetries(
    message: IncomingMessage,
    envelope: Envelope,
    source: MessageSource,
    apply: (tx: Transaction) => Promise<void>,
  ): Promise<void> {
    const { eventId, type } = envelope;
    for (let attempt = 1; ; attempt += 1) {
      try {
        // What the handler recorded, for the line that reports the commit.
        const { result: fresh, recorded } = await collectingRecordedEvents(() =>
          this.options.database.transaction(async (tx) => {
            const first = await recordInInbox(tx, this.inboxEntry(envelope, source, 'applied'));
            if (first) await apply(tx);
            return first;
          }),
        );
        this.report(
          fresh
            ? { kind: 'applied', eventId, type, source, attempts: attempt }
            : { kind: 'duplicate', eventId, type, source },
          recorded,
        );
        return;
      } catch (error) {
        if (error instanceof PayloadRejectedError) {
          return this.deadLetter(
            message,
            { reasonCode: 'PAYLOAD_INVALID', error: error.message, attempts: attempt },
            envelope,
          );
        }
        if (
          attempt >= this.retry.maxAttempts &&
          (isDatabaseUnavailable(error) || isContention(error))
        ) {
          // Not this message's fault (the database is down, or another writer — a replica on
          // another partition — keeps winning a hot stream): leave it uncommitted; the
          // subscription retries it later.
          this.report({ kind: 'held', eventId, type, source, error: describe(error) });
          throw error;
        }
        if (attempt >= this.retry.maxAttempts) {
          const failure: DeadLetterFailure = {
            reasonCode: 'HANDLER_FAILED',
            error: describe(error),
            attempts: attempt,
          };
          return this.deadLetter(message, failure, envelope);
        }
        this.report({
          kind: 'retrying',
          eventId,
          type,
          source,
          failedAttempt: attempt,
          error: describe(error),
        });
        await delay(this.retry.backoffMs(attempt));
      }
    }
  }

  /** Recorded rather than ignored, so "never handled" can be told apart from "never received". */
  private async skip(envelope: Envelope, source: MessageSource): Promise<void> {
    const fresh = await this.options.database.transaction((tx) =>
      recordInInbox(tx, this.inboxEntry(envelope, source, 'skipped')),
    );
    const { eventId, type } = envelope;
    this.report(
      fresh
        ? { kind: 'skipped', eventId, type, source }
        : { kind: 'duplicate', eventId, type, source },
    );
  }

  private async deadLetter(
    message: IncomingMessage,
    failure: DeadLetterFailure,
    envelope?: Envelope,
  ): Promise<void> {
    const publisher = this.publisher;
    if (!publisher) throw new Error(`consumer ${this.name} is not started`);
    // If this publish fails the handler throws, the offset stays uncommitted and the message
    // comes back: a dead letter may be duplicated, never lost.
    await publisher.publish(deadLetterTopic(message.topic), [
      deadLetterMessage(message, failure, this.name, new Date()),
    ]);
    const source: MessageSource = {
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
    };
    this.report({
      kind: 'dead-lettered',
      ...(envelope ? { eventId: envelope.eventId, type: envelope.type } : {}),
      source,
      reasonCode: failure.reasonCode,
      error: failure.error,
      attempts: failure.attempts,
    });
  }

  private inboxEntry(envelope: Envelope, source: MessageSource, outcome: InboxOutcome): InboxEntry {
    return {
      consumerName: this.name,
      eventId: envelope.eventId,
      eventType: envelope.type,
      outcome,
      source,
    };
  }

  private report(outcome: ConsumerOutcome, recorded: readonly EventFields[] = []): void {
    this.log(outcome, recorded);
    try {
      this.options.onOutcome?.(outcome);
    } catch (error) {
      // An observer's bug must not decide whether a message is committed.
      this.logger.warn({ err: error }, 'onOutcome threw');
    }
  }

  /** One line per outcome: what was consumed, from where, and what applying it recorded. */
  private log(outcome: ConsumerOutcome, recorded: readonly EventFields[]): void {
    const { source } = outcome;
    const fields = {
      source,
      ...(outcome.eventId === undefined
        ? {}
        : { eventId: outcome.eventId, eventType: outcome.type }),
    };
    switch (outcome.kind) {
      case 'applied':
        // What recorded events is worth a line at info; a message only folded into a read
        // model or a fact table (claims follows every contribution event: 1.8 million in
        // the NTT year) is at debug, like a duplicate.
        this.logger[recorded.length === 0 ? 'debug' : 'info'](
          { ...fields, attempts: outcome.attempts, recorded },
          `applied ${outcome.type}` +
            (recorded.length === 0 ? '' : ` → ${recorded.map((event) => event.type).join(', ')}`),
        );
        return;
      case 'duplicate':
      case 'skipped':
        this.logger.debug(fields, `${outcome.kind} ${outcome.type}`);
        return;
      case 'retrying':
        this.logger.warn(
          { ...fields, failedAttempt: outcome.failedAttempt, error: outcome.error },
          `retrying ${outcome.type}`,
        );
        return;
      case 'held':
        this.logger.warn(
          { ...fields, error: outcome.error },
          `held ${outcome.type}: database unavailable`,
        );
        return;
      case 'dead-lettered':
        this.logger.error(
          {
            ...fields,
            reasonCode: outcome.reasonCode,
            attempts: outcome.attempts,
            error: outcome.error,
          },
          `dead-lettered ${source.topic}/${source.partition}@${source.offset}` +
            `${outcome.type === undefined ? '' : ` (${outcome.type} ${outcome.eventId ?? ''})`}: ` +
            `${outcome.reasonCode} after ${outcome.attempts} attempt(s)`,
        );
        return;
      default: {
        const exhaustive: never = outcome;
        return exhaustive;
      }
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function describeFieldErrors(what: string, errors: readonly FieldError[]): string {
  return `${what}: ${errors.map((error) => `${error.field} (${error.constraint}): ${error.message}`).join('; ')}`;
}
