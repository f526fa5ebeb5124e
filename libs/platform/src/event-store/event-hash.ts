import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json';

/**
 * Exactly the fields the hash covers, in their stored form: `data` as stored (ciphertext
 * where personal data is encrypted), so erasing a key never breaks the chain.
 */
export interface HashedEventFields {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamType: string;
  readonly version: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonValue;
  readonly metadata: JsonValue;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly previousHash: string | null;
}

/** SHA-256 (hex) over the canonical JSON of the stored fields, chained by previousHash. */
export function eventHash(fields: HashedEventFields): string {
  const hashed: JsonValue = {
    eventId: fields.eventId,
    streamId: fields.streamId,
    streamType: fields.streamType,
    version: fields.version,
    type: fields.type,
    schemaVersion: fields.schemaVersion,
    data: fields.data,
    metadata: fields.metadata,
    occurredAt: fields.occurredAt,
    recordedAt: fields.recordedAt,
    previousHash: fields.previousHash,
  };
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}
