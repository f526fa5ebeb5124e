import fc from 'fast-check';
import { toStoredJsonText } from '../event-store/canonical-json';
import type { EventEnvelope } from '../event-store/envelope';
import { outboxMessageFor, publishAllTo } from './outbox-message';
import { outboxRowTemplate } from './outbox-writer';

const base: Omit<EventEnvelope, 'globalPosition'> = {
  eventId: '0b9f6c1e-8f51-4a4e-9a55-3d1c8a0b7e11',
  type: 'ClaimApproved',
  schemaVersion: 2,
  streamId: 'claim-77',
  streamType: 'Claim',
  version: 4,
  occurredAt: '2025-03-01T08:00:00+07:00',
  recordedAt: '2025-03-01T01:15:31.250Z',
  metadata: { correlationId: 'corr-9', causationId: null, actor: { id: 'a', kind: 'user' } },
  data: {},
  hash: 'h4',
  previousHash: 'h3',
};

describe('outboxRowTemplate', () => {
  it('completed with the data text and the position, is exactly the message outboxMessageFor makes', () => {
    const text = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.jsonValue(),
        text,
        text,
        fc.option(text, { nil: null }),
        fc.option(text, { nil: undefined }),
        fc.option(text, { nil: null }),
        fc.bigInt({ min: 1n, max: 2n ** 62n }),
        (data, streamId, type, causationId, traceparent, previousHash, position) => {
          const stored = toStoredJsonText(data);
          const event = {
            ...base,
            streamId,
            type,
            data: stored.value,
            previousHash,
            metadata: {
              ...base.metadata,
              causationId,
              ...(traceparent === undefined ? {} : { traceparent }),
            },
          };
          const template = outboxRowTemplate(event, publishAllTo('claims.events'));
          const expected = outboxMessageFor(
            { ...event, globalPosition: String(position) },
            'claims.events',
          );
          expect(template).not.toBeNull();
          expect(
            `${template?.payloadBeforeData}${stored.text}${template?.payloadAfterData}${position}"}`,
          ).toBe(expected.payload);
          expect(JSON.parse(template?.headers ?? '')).toEqual(expected.headers);
          expect(template?.topic).toBe('claims.events');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is null for an event the routing keeps private', () => {
    expect(outboxRowTemplate(base, () => null)).toBeNull();
  });
});
