import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { PlatformDatabase } from '../database/platform-database';
import type { EventKeyring } from '@santunan/contracts';
import type { EventEnvelope } from '../event-store/envelope';
import { publishedEventUpcasters, type UpcasterRegistry } from '../event-store/upcaster-registry';
import type { KafkaMessaging } from '../messaging/kafka-messaging';
import type { MessageSource } from '../consumers/consumed-event';
import type { ConsumerOutcome } from '../consumers/consumer-outcome';
import { EventConsumer, type EventConsumerOptions } from '../consumers/event-consumer';
import type { PlatformLogger } from '../observability/logger';
import type { EventDispatch, PreparedEvent } from '../consumers/event-dispatch';
import type { RetryPolicy } from '../consumers/retry-policy';
import { EventContext } from './event-context';
import type { EventPayloadSchemas } from './event-payload-schemas';

export const KAFKA_EVENTS_TRANSPORT = Symbol('santunan.kafka-events');

/** One consumer group: its stable name, its topics and, for a foreign format, its decoder. */
export interface EventConsumerDefinition {
  /** Stable: it names the consumer group and the inbox rows. */
  readonly name: string;
  /** The Kafka consumer group; the name unless given. */
  readonly groupId?: string;
  readonly topics: readonly string[];
  readonly decode?: EventConsumerOptions['decode'];
  /** The context that publishes the topics: only its keys' signatures are accepted (ADR 0025). */
  readonly publishedBy?: string;
}

export interface KafkaEventTransportOptions {
  readonly consumers: readonly EventConsumerDefinition[];
  readonly messaging: Pick<KafkaMessaging, 'subscribe' | 'createPublisher'>;
  readonly database: Pick<PlatformDatabase, 'transaction'>;
  /** Checked before any handler runs; a payload that fails goes to `<topic>.dlq`. */
  readonly schemas?: EventPayloadSchemas;
  /** The published public keys every platform envelope's signature is checked against. */
  readonly keyring: EventKeyring;
  /**
   * Lifts an older schema version to the one the handlers read, as the event store does on
   * read; without a step, only the version the handlers read is applied.
   */
  readonly upcasters?: UpcasterRegistry;
  readonly retry?: RetryPolicy;
  /** Each message's outcome and the consumer (definition name) it belongs to: logs, metrics. */
  readonly onOutcome?: (outcome: ConsumerOutcome, consumer: string) => void;
  readonly logger?: PlatformLogger;
}

type Envelope = EventEnvelope<string, Readonly<Record<string, unknown>>>;

/**
 * Kafka for `@nestjs/microservices`: `@EventPattern('<EventType>')` handlers, one consumer group
 * per definition. The guarantees are EventConsumer's — the handler runs inside the inbox
 * transaction, the offset is committed after it, redeliveries are skipped, poison goes to
 * `<topic>.dlq` with its reason, and a database outage holds the partition instead of
 * dead-lettering — so a handler is ordinary Nest code that writes through `context.transaction`.
 */
export class KafkaEventTransport extends Server implements CustomTransportStrategy {
  override readonly transportId = KAFKA_EVENTS_TRANSPORT;
  private readonly consumers: EventConsumer[] = [];
  private readonly upcasters: UpcasterRegistry;

  constructor(private readonly options: KafkaEventTransportOptions) {
    super();
    this.upcasters = options.upcasters ?? publishedEventUpcasters();
  }

  listen(callback: (error?: unknown) => void): void {
    this.startConsumers().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  async close(): Promise<void> {
    for (const consumer of this.consumers.splice(0)) await consumer.stop();
  }

  on(): never {
    throw new Error('KafkaEventTransport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.consumers as T;
  }

  /** The event types with an `@EventPattern` handler. */
  get handledTypes(): readonly string[] {
    return [...this.messageHandlers.keys()];
  }

  private async startConsumers(): Promise<void> {
    const dispatch: EventDispatch = {
      prepare: (envelope, source) => this.prepare(envelope, source),
    };
    for (const definition of this.options.consumers) {
      const consumer = new EventConsumer({
        name: definition.name,
        groupId: definition.groupId,
        topics: definition.topics,
        decode: definition.decode,
        publishedBy: definition.publishedBy,
        messaging: this.options.messaging,
        database: this.options.database,
        keyring: this.options.keyring,
        handlers: dispatch,
        retry: this.options.retry,
        onOutcome: (outcome) => this.options.onOutcome?.(outcome, definition.name),
        logger: this.options.logger,
      });
      await consumer.start();
      this.consumers.push(consumer);
    }
  }

  private prepare(received: Envelope, source: MessageSource): Promise<PreparedEvent> | undefined {
    const handler = this.getHandlerByPattern(received.type);
    if (!handler) return undefined;
    const envelope = this.upcasters.upcast(received) as Envelope;
    const understood = this.understoodVersion(envelope.type);
    if (envelope.schemaVersion !== understood) {
      return Promise.resolve({
        ok: false,
        reasonCode: 'SCHEMA_VERSION_UNKNOWN',
        errors: [
          {
            field: 'schemaVersion',
            constraint: 'understood',
            message:
              `${envelope.type} v${received.schemaVersion}` +
              (envelope.schemaVersion === received.schemaVersion
                ? ''
                : ` (upcast to v${envelope.schemaVersion})`) +
              ` is not the version this consumer reads (v${understood})`,
          },
        ],
      });
    }
    const checked = this.options.schemas?.validate(
      envelope.type,
      envelope.schemaVersion,
      envelope.data,
    );
    if (checked && !checked.ok) return Promise.resolve({ ok: false, errors: checked.errors });
    const event = { ...envelope, source };
    return Promise.resolve({
      ok: true,
      apply: async (transaction) => {
        const result: unknown = await handler(
          envelope.data,
          new EventContext([event, transaction]),
        );
        // Nest hands back an Observable when an interceptor or exception filter took part.
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      },
    });
  }

  /**
   * The schema version a handler of the type reads: the newest the contracts publish (the
   * handlers are written against the current contract types), or 1 for a type no context
   * publishes. A newer version waits for a consumer that knows it; an older one needs an upcaster.
   */
  private understoodVersion(type: string): number {
    const published = this.options.schemas?.versionsOf?.(type) ?? [];
    return published.length === 0 ? 1 : Math.max(...published);
  }
}
