import { uniqueName } from '@santunan/testing';
import type { EventEnvelope } from '../../event-store/envelope';
import type { KafkaMessaging } from '../../messaging/kafka-messaging';
import type { MessageHeaders, MessagePublisher, Subscription } from '../../messaging/messages';
import { createLogger, type PlatformLogger } from '../../observability/logger';

/** Probes for the relay specs (not exported from the library). */

export interface ReceivedEvent {
  readonly key: string | null;
  readonly headers: MessageHeaders;
  readonly envelope: EventEnvelope;
}

export interface TopicProbe {
  readonly received: ReceivedEvent[];
  /** Event ids in arrival order, duplicates included. */
  eventIds(): string[];
  /** Versions of one stream in arrival order. */
  versionsOf(streamId: string): number[];
  stop(): Promise<void>;
}

/** Reads a topic from the beginning with its own consumer group. */
export async function probeTopic(messaging: KafkaMessaging, topic: string): Promise<TopicProbe> {
  const received: ReceivedEvent[] = [];
  const subscription: Subscription = await messaging.subscribe({
    groupId: uniqueName('int.outbox.probe'),
    topics: [topic],
    fromBeginning: true,
    handle: async (message) => {
      received.push({
        key: message.key,
        headers: message.headers,
        envelope: JSON.parse(message.value?.toString('utf8') ?? 'null') as EventEnvelope,
      });
    },
  });
  return {
    received,
    eventIds: () => received.map((message) => message.envelope.eventId),
    versionsOf: (streamId) =>
      received.filter((m) => m.envelope.streamId === streamId).map((m) => m.envelope.version),
    stop: () => subscription.stop(),
  };
}

/** A publisher that notes which relay sent each message. */
export function recordingPublisher(
  messaging: KafkaMessaging,
  relay: string,
  sentBy: string[],
): () => Promise<MessagePublisher> {
  return async () => {
    const inner = await messaging.createPublisher();
    return {
      publish: async (topic, messages) => {
        await inner.publish(topic, messages);
        sentBy.push(...messages.map(() => relay));
      },
      close: () => inner.close(),
    };
  };
}

export type CollectingLogger = PlatformLogger & { readonly warnings: string[] };

/** A logger that keeps its warnings (and worse) as JSON lines. */
export function collectingLogger(): CollectingLogger {
  const warnings: string[] = [];
  const logger = createLogger('spec', {
    level: 'warn',
    destination: { write: (line: string) => void warnings.push(line) },
  });
  return Object.assign(logger, { warnings });
}

/** Each id's first arrival, in arrival order: what a consumer deduping by event id applies. */
export function firstArrivals(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
