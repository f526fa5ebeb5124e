import type { PlatformVerification } from './verify';

/** The verification for people: one line per service and topic, one per problem. */
export function renderVerification(result: PlatformVerification): string {
  const lines: string[] = [];
  for (const store of result.stores) {
    lines.push(
      `store ${store.service}: ${store.eventsVerified} events in ${store.streamsVerified} streams verified, ${
        store.problems.length === 0 ? 'chains intact' : `${store.problems.length} problem(s)`
      }`,
    );
    for (const problem of store.problems) {
      lines.push(
        `  TAMPERED service=${problem.service} stream=${problem.streamId} version=${problem.version} kind=${problem.kind}: ${problem.detail}`,
      );
    }
  }
  for (const topic of result.topics) {
    lines.push(
      `topic ${topic.topic} (${topic.service}): ${topic.messages} messages, ${topic.matched} events matched the store` +
        (topic.duplicates > 0 ? `, ${topic.duplicates} redeliveries` : '') +
        (topic.awaitingPublication > 0
          ? `, ${topic.awaitingPublication} still in the outbox`
          : '') +
        (topic.problems.length === 0 ? '' : `, ${topic.problems.length} problem(s)`),
    );
    for (const problem of topic.problems) {
      lines.push(
        `  MISMATCH service=${problem.service} topic=${problem.topic}` +
          (problem.location === null ? '' : ` at=${problem.location}`) +
          (problem.streamId === null ? '' : ` stream=${problem.streamId}`) +
          (problem.version === null ? '' : ` version=${problem.version}`) +
          (problem.eventId === null ? '' : ` event=${problem.eventId}`) +
          ` kind=${problem.kind}: ${problem.detail}`,
      );
    }
  }
  for (const note of result.notes) lines.push(`note: ${note}`);
  const total = result.stores.reduce((sum, store) => sum + store.eventsVerified, 0);
  lines.push(result.ok ? `verify: OK (${total} events)` : 'verify: FAILED');
  return `${lines.join('\n')}\n`;
}
