import type { EventEnvelope } from '../event-store/envelope';
import { outboxMessageFor } from '../outbox/outbox-message';
import { eventHash } from '../event-store/event-hash';
import { UndecodableMessageError, decodeEnvelope, decodeHashedEnvelope } from './envelope-decoder';

const valid = {
  eventId: 'e-1',
  type: 'ParticipantRegistered',
  schemaVersion: 1,
  streamId: 'participant-1',
  streamType: 'participant',
  version: 1,
  globalPosition: '7',
  occurredAt: '2025-01-15T03:00:00.000Z',
  recordedAt: '2025-01-15T03:00:01.000Z',
  metadata: {
    correlationId: 'c-1',
    causationId: null,
    actor: { id: 'alice', kind: 'user', roles: ['admin'] },
  },
  data: { participantId: 'P-1' },
  hash: 'h',
  previousHash: null,
};

const encode = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('decodeEnvelope', () => {
  it('reads a published envelope', () => {
    expect(decodeEnvelope(encode(valid))).toEqual(valid);
  });

  it('reads exactly what the outbox relay publishes', () => {
    const envelope: EventEnvelope = {
      ...valid,
      metadata: { ...valid.metadata, actor: { id: 'alice', kind: 'user' } },
    };
    const published = outboxMessageFor(envelope, 'enrollment.events');
    expect(decodeEnvelope(Buffer.from(published.payload))).toEqual(envelope);
  });

  it.each([
    ['an empty value', null, /empty message value/],
    ['bytes that are not JSON', Buffer.from('{nope'), /not JSON/],
    ['a JSON array', encode([valid]), /envelope must be a JSON object/],
    [
      'a missing event id',
      encode({ ...valid, eventId: undefined }),
      /eventId must be a non-empty string/,
    ],
    [
      'a fractional schema version',
      encode({ ...valid, schemaVersion: 1.5 }),
      /schemaVersion must be a positive integer/,
    ],
    [
      'a payload that is not an object',
      encode({ ...valid, data: 'x' }),
      /data must be a JSON object/,
    ],
    [
      'an actor of unknown kind',
      encode({ ...valid, metadata: { ...valid.metadata, actor: { id: 'x', kind: 'robot' } } }),
      /metadata.actor.kind must be user or system/,
    ],
  ])('refuses %s', (_case, value, reason) => {
    expect(() => decodeEnvelope(value)).toThrow(UndecodableMessageError);
    expect(() => decodeEnvelope(value)).toThrow(reason);
  });
});

describe('decodeHashedEnvelope', () => {
  const { globalPosition: _position, hash: _hash, ...hashed } = valid;
  const stored = { ...valid, hash: eventHash(hashed) };

  it('recomputes the hash the event store computed, whatever the order and spacing of the JSON', () => {
    const reordered = Buffer.from(
      JSON.stringify(Object.fromEntries(Object.entries(stored).reverse()), null, 2),
    );
    expect(decodeHashedEnvelope(reordered).recomputedHash).toBe(stored.hash);
  });

  it('covers the data and the metadata as they arrived, and the chain link', () => {
    const changed = [
      { ...stored, data: { participantId: 'P-1', monthlyIncome: 3_000_000 } },
      { ...stored, metadata: { ...stored.metadata, note: 'added' } },
      { ...stored, schemaVersion: 2 },
      { ...stored, previousHash: 'b'.repeat(64) },
    ];
    for (const envelope of changed) {
      expect(decodeHashedEnvelope(encode(envelope)).recomputedHash).not.toBe(stored.hash);
    }
  });
});
