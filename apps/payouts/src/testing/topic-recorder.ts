import { PayoutsSchemaValidator, type PayoutsEventType } from '@santunan/contracts';
import type {
  EventEnvelope,
  IncomingMessage,
  KafkaMessaging,
  Subscription,
} from '@santunan/platform';
import { uniqueName } from '@santunan/testing';

/** Everything published on a topic since the start. */
export class TopicRecorder {
  readonly received: IncomingMessage[] = [];
  private subscription: Subscription | undefined;

  static async start(messaging: KafkaMessaging, topic: string): Promise<TopicRecorder> {
    const recorder = new TopicRecorder();
    recorder.subscription = await messaging.subscribe({
      groupId: uniqueName(`int.payouts.recorder.${topic}`),
      topics: [topic],
      fromBeginning: true,
      handle: async (message) => void recorder.received.push(message),
    });
    return recorder;
  }

  /** The messages' values as JSON (undefined for one that is not JSON). */
  get messages(): unknown[] {
    return this.received.map((message) => {
      try {
        return message.value === null
          ? null
          : (JSON.parse(message.value.toString('utf8')) as unknown);
      } catch {
        return undefined;
      }
    });
  }

  /** Published payouts events of a type (a relay may publish one twice: deduplicated by id). */
  events(type?: PayoutsEventType): EventEnvelope[] {
    const seen = new Set<string>();
    return (this.messages as EventEnvelope[]).filter((event) => {
      if ((type !== undefined && event.type !== type) || seen.has(event.eventId)) return false;
      seen.add(event.eventId);
      return true;
    });
  }

  /** Each message checked against the published JSON Schema of its type; the failures. */
  schemaViolations(): { eventId: unknown; type: unknown; errors: readonly string[] }[] {
    const validator = new PayoutsSchemaValidator();
    return this.messages.flatMap((message) => {
      const check = validator.checkEvent(message);
      if (check.valid) return [];
      const { eventId, type } = (message ?? {}) as { eventId?: unknown; type?: unknown };
      return [{ eventId, type, errors: check.errors }];
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }
}
