import type { OutgoingMessage } from './messages';

/**
 * Bytes one produce request may carry. Kafka refuses a record batch larger than the topic's
 * max.message.bytes (1 MiB by default), and a refused batch would be retried for ever by the
 * relay, holding up everything behind it. Kept below the default with room for framing.
 */
export const MAX_SEND_BYTES = 900_000;

/** What a message weighs on the wire, near enough to stay under the broker's limit. */
export function messageBytes(message: OutgoingMessage): number {
  let bytes = Buffer.byteLength(message.key) + Buffer.byteLength(message.value) + 64;
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value) + 8;
  }
  return bytes;
}

/**
 * Splits messages, in order, into sends of at most `maxBytes` each; a message heavier than
 * that goes alone (the broker then says whether it fits).
 */
export function sendChunks(
  messages: readonly OutgoingMessage[],
  maxBytes: number = MAX_SEND_BYTES,
): OutgoingMessage[][] {
  const chunks: OutgoingMessage[][] = [];
  let current: OutgoingMessage[] = [];
  let currentBytes = 0;
  for (const message of messages) {
    const bytes = messageBytes(message);
    if (current.length > 0 && currentBytes + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(message);
    currentBytes += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
