import { randomUUID } from 'node:crypto';
import type { AppendRequest } from '../append-request';
import type { EventMetadata, NewEvent } from '../envelope';

/** Event fixtures for the event-store, outbox and projection specs (not exported from the library). */

export const TEST_METADATA: EventMetadata = {
  correlationId: 'c0a80101-0000-4000-8000-000000000001',
  causationId: null,
  actor: { id: 'officer-ntt-01', kind: 'user', roles: ['claims-officer'] },
};

export const RECORDED_AT = '2025-03-01T01:15:31.250Z';

export function newEvent(type: string, data: unknown, overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: '2025-03-01T08:00:00+07:00',
    data,
    ...overrides,
  };
}

export function appendRequest(
  streamId: string,
  events: readonly NewEvent[],
  expectedVersion: AppendRequest['expectedVersion'] = 'any',
  overrides: Partial<AppendRequest> = {},
): AppendRequest {
  return {
    streamId,
    streamType: 'Participant',
    expectedVersion,
    events,
    metadata: TEST_METADATA,
    recordedAt: RECORDED_AT,
    ...overrides,
  };
}

/** A promise resolved from outside: holds a transaction open until the test releases it. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}
