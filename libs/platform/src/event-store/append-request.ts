import type { EventMetadata, NewEvent } from './envelope';
import { InvalidAppendError, type ExpectedVersion } from './event-store.errors';
import { isIsoInstant } from './iso-instant';

export interface AppendRequest {
  readonly streamId: string;
  readonly streamType: string;
  /** The version the decision was based on: 0 for a new stream, or 'any' to skip the check. */
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly NewEvent[];
  readonly metadata: EventMetadata;
  /** The platform's clock reading, passed in like every other stamp (ISO-8601 with offset). */
  readonly recordedAt: string;
}

// Lowercase canonical form only: PostgreSQL prints uuids that way, and the hash covers it.
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function assertValidAppend(request: AppendRequest): void {
  const fail = (reason: string): never => {
    throw new InvalidAppendError(`append to stream "${request.streamId}": ${reason}`);
  };
  if (request.streamId.length === 0) fail('streamId is empty');
  if (request.streamType.length === 0) fail('streamType is empty');
  const expected = request.expectedVersion;
  if (expected !== 'any' && !(Number.isInteger(expected) && expected >= 0)) {
    fail(`expectedVersion must be 'any' or an integer >= 0, got ${String(expected)}`);
  }
  if (!isIsoInstant(request.recordedAt))
    fail(
      `recordedAt "${request.recordedAt}" is not an ISO-8601 instant with offset and at most microseconds`,
    );
  if (request.metadata.correlationId.length === 0) fail('metadata.correlationId is empty');
  for (const event of request.events) {
    if (!CANONICAL_UUID.test(event.eventId))
      fail(`eventId "${event.eventId}" is not a lowercase UUID`);
    if (event.type.length === 0) fail(`event ${event.eventId} has an empty type`);
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      fail(`event ${event.eventId} has schemaVersion ${event.schemaVersion}; versions start at 1`);
    }
    if (!isIsoInstant(event.occurredAt)) {
      fail(
        `event ${event.eventId}: occurredAt "${event.occurredAt}" is not an ISO-8601 instant with offset and at most microseconds`,
      );
    }
  }
}
