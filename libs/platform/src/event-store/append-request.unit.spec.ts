import { assertValidAppend, type AppendRequest } from './append-request';
import { InvalidAppendError } from './event-store.errors';
import { appendRequest, newEvent } from './testing/event-fixtures';

describe('assertValidAppend', () => {
  const valid = appendRequest(
    'participant-1',
    [newEvent('ParticipantRegistered', { name: 'Yohana' })],
    0,
  );

  it('accepts a well-formed request', () => {
    expect(() => assertValidAppend(valid)).not.toThrow();
  });

  it.each<[string, Partial<AppendRequest>, RegExp]>([
    ['an empty stream id', { streamId: '' }, /streamId is empty/],
    ['a negative expected version', { expectedVersion: -1 }, /expectedVersion/],
    ['a fractional expected version', { expectedVersion: 1.5 }, /expectedVersion/],
    ['recordedAt without offset', { recordedAt: '2025-03-01T08:00:00' }, /recordedAt/],
    [
      'an uppercase event id',
      { events: [newEvent('X', {}, { eventId: 'A0B9F6C1-8F51-4A4E-9A55-3D1C8A0B7E11' })] },
      /lowercase UUID/,
    ],
    ['schema version 0', { events: [newEvent('X', {}, { schemaVersion: 0 })] }, /schemaVersion 0/],
    ['an empty type', { events: [newEvent('', {})] }, /empty type/],
    [
      'occurredAt as a date',
      { events: [newEvent('X', {}, { occurredAt: '2025-03-01' })] },
      /occurredAt/,
    ],
  ])('refuses %s', (_case, change, message) => {
    const request = { ...valid, ...change };
    expect(() => assertValidAppend(request)).toThrow(InvalidAppendError);
    expect(() => assertValidAppend(request)).toThrow(message);
  });
});
