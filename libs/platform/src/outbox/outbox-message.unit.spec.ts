import type { EventEnvelope } from '../event-store/envelope';
import { outboxMessageFor, publishAllTo } from './outbox-message';

const envelope: EventEnvelope = {
  eventId: '0b9f6c1e-8f51-4a4e-9a55-3d1c8a0b7e11',
  type: 'ClaimApproved',
  schemaVersion: 2,
  streamId: 'claim-77',
  streamType: 'Claim',
  version: 4,
  globalPosition: '1234',
  occurredAt: '2025-03-01T08:00:00+07:00',
  recordedAt: '2025-03-01T01:15:31.250Z',
  metadata: {
    correlationId: 'corr-9',
    causationId: 'cause-8',
    actor: { id: 'supervisor-1', kind: 'user' },
  },
  data: { amount: 70_000_000 },
  hash: 'h4',
  previousHash: 'h3',
};

describe('outboxMessageFor', () => {
  it('keys by stream id, carries the whole envelope and the routing headers', () => {
    const message = outboxMessageFor(envelope, 'claims.events');
    expect(message).toEqual({
      topic: 'claims.events',
      key: 'claim-77',
      payload: JSON.stringify(envelope),
      headers: {
        'event-type': 'ClaimApproved',
        'event-id': envelope.eventId,
        'schema-version': '2',
        'correlation-id': 'corr-9',
        'causation-id': 'cause-8',
        'content-type': 'application/json',
      },
    });
  });

  it('leaves out the causation header when there is no cause', () => {
    const message = outboxMessageFor(
      { ...envelope, metadata: { ...envelope.metadata, causationId: null } },
      't',
    );
    expect(message.headers).not.toHaveProperty('causation-id');
  });

  it('routes every event to one topic with publishAllTo', () => {
    expect(publishAllTo('claims.events')(envelope)).toBe('claims.events');
  });
});
