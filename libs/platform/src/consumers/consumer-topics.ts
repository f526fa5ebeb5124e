import { deadLetterTopic } from '@santunan/contracts';
import type { KafkaMessaging } from '../messaging/kafka-messaging';
import type { TopicSpec } from '../messaging/messages';

// The contracts name the dead-letter topics; the platform's consumers and ACLs follow them.
export { deadLetterTopic };

export interface ConsumerTopicOptions {
  readonly partitions?: number;
}

/** Creates each topic and its `<topic>.dlq` (the broker does not auto-create topics). */
export async function ensureConsumerTopics(
  messaging: Pick<KafkaMessaging, 'ensureTopics'>,
  topics: readonly string[],
  options: ConsumerTopicOptions = {},
): Promise<void> {
  const specs: TopicSpec[] = topics.flatMap((name) => [
    { name, partitions: options.partitions },
    // One partition: dead letters are few, and one ordered log is easier to inspect and replay.
    { name: deadLetterTopic(name), partitions: 1 },
  ]);
  await messaging.ensureTopics(specs);
}
