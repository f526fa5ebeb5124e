import type { IncomingMessage, OutgoingMessage } from '../messaging/messages';

/**
 * Why a message was dead-lettered, in the order a consumer checks; stable strings, tools filter
 * on them (ADR 0005, 0025):
 * - SIGNATURE_MISSING: no `signature`/`signature-key-id` headers;
 * - SIGNATURE_INVALID: a signature that does not verify, an unknown key id, or another
 *   context's key on a context's topic;
 * - MESSAGE_UNDECODABLE: not a readable envelope;
 * - HASH_MISMATCH: the carried hash is not the hash of the carried fields;
 * - SCHEMA_VERSION_UNKNOWN: a version the consumer neither reads nor can upcast to one it reads;
 * - PAYLOAD_INVALID: the payload fails its schema or the handler's DTO;
 * - HANDLER_FAILED: the handler kept failing after its retries.
 */
export const DEAD_LETTER_REASON_CODES = [
  'SIGNATURE_MISSING',
  'SIGNATURE_INVALID',
  'MESSAGE_UNDECODABLE',
  'HASH_MISMATCH',
  'SCHEMA_VERSION_UNKNOWN',
  'PAYLOAD_INVALID',
  'HANDLER_FAILED',
] as const;
export type DeadLetterReasonCode = (typeof DEAD_LETTER_REASON_CODES)[number];

export interface DeadLetterFailure {
  readonly reasonCode: DeadLetterReasonCode;
  readonly error: string;
  readonly attempts: number;
}

export const DEAD_LETTER_HEADERS = {
  error: 'dlq-error',
  reasonCode: 'dlq-reason-code',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  attempts: 'dlq-attempts',
  consumer: 'dlq-consumer',
  failedAt: 'dlq-failed-at',
  keyAbsent: 'dlq-key-absent',
} as const;

// Headers travel with every fetch of the message; a stack trace does not belong there.
const MAX_ERROR_LENGTH = 2_000;

/** The original key, value and headers, plus where it came from and why it failed. */
export function deadLetterMessage(
  message: IncomingMessage,
  failure: DeadLetterFailure,
  consumerName: string,
  failedAt: Date,
): OutgoingMessage {
  return {
    // A keyless message keeps no key; the header says so, for a faithful replay.
    key: message.key ?? '',
    value: message.value ?? Buffer.alloc(0),
    headers: {
      ...message.headers,
      [DEAD_LETTER_HEADERS.error]: failure.error.slice(0, MAX_ERROR_LENGTH),
      [DEAD_LETTER_HEADERS.reasonCode]: failure.reasonCode,
      [DEAD_LETTER_HEADERS.sourceTopic]: message.topic,
      [DEAD_LETTER_HEADERS.sourcePartition]: String(message.partition),
      [DEAD_LETTER_HEADERS.sourceOffset]: message.offset,
      [DEAD_LETTER_HEADERS.attempts]: String(failure.attempts),
      [DEAD_LETTER_HEADERS.consumer]: consumerName,
      [DEAD_LETTER_HEADERS.failedAt]: failedAt.toISOString(),
      ...(message.key === null ? { [DEAD_LETTER_HEADERS.keyAbsent]: 'true' } : {}),
    },
  };
}
