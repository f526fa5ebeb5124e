import { deadLetterMessage } from './dead-letter';

describe('deadLetterMessage', () => {
  const message = {
    topic: 'enrollment.events',
    partition: 2,
    offset: '41',
    key: 'participant-1',
    value: Buffer.from('{"x":1}'),
    headers: { 'event-type': 'ParticipantRegistered', 'event-id': 'e-1' },
    timestamp: '0',
  };

  it('keeps key, value and headers, and adds where it came from and why it failed', () => {
    const letter = deadLetterMessage(
      message,
      { reasonCode: 'HANDLER_FAILED', error: 'Error: boom', attempts: 3 },
      'claims.enrollment-projection',
      new Date('2025-01-15T03:00:00.000Z'),
    );
    expect(letter).toEqual({
      key: 'participant-1',
      value: message.value,
      headers: {
        'event-type': 'ParticipantRegistered',
        'event-id': 'e-1',
        'dlq-error': 'Error: boom',
        'dlq-reason-code': 'HANDLER_FAILED',
        'dlq-source-topic': 'enrollment.events',
        'dlq-source-partition': '2',
        'dlq-source-offset': '41',
        'dlq-attempts': '3',
        'dlq-consumer': 'claims.enrollment-projection',
        'dlq-failed-at': '2025-01-15T03:00:00.000Z',
      },
    });
  });

  it('marks a keyless, valueless message and bounds the error text', () => {
    const letter = deadLetterMessage(
      { ...message, key: null, value: null },
      { reasonCode: 'MESSAGE_UNDECODABLE', error: 'x'.repeat(10_000), attempts: 1 },
      'c',
      new Date(0),
    );
    expect(letter.key).toBe('');
    expect(letter.value).toEqual(Buffer.alloc(0));
    expect(letter.headers?.['dlq-key-absent']).toBe('true');
    expect(letter.headers?.['dlq-error']).toHaveLength(2_000);
  });
});
