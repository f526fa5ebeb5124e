import { messageBytes, sendChunks } from './send-chunks';

const message = (key: string, size: number) => ({ key, value: 'x'.repeat(size) });

describe('sendChunks', () => {
  it('keeps every message, in order, in sends under the byte limit', () => {
    const messages = Array.from({ length: 50 }, (_, i) => message(`account-${i % 3}`, 40_000));
    const chunks = sendChunks(messages, 900_000);
    expect(chunks.flat()).toEqual(messages);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.reduce((sum, m) => sum + messageBytes(m), 0)).toBeLessThanOrEqual(900_000);
    }
  });

  it('sends a message heavier than the limit on its own', () => {
    const chunks = sendChunks([message('a', 10), message('b', 2_000), message('c', 10)], 1_000);
    expect(chunks.map((chunk) => chunk.map((m) => m.key))).toEqual([['a'], ['b'], ['c']]);
  });

  it('counts headers and multi-byte characters', () => {
    const plain = messageBytes({ key: 'k', value: 'é' });
    expect(plain).toBe(1 + 2 + 64);
    expect(messageBytes({ key: 'k', value: 'é', headers: { type: 'X' } })).toBe(plain + 4 + 1 + 8);
    expect(sendChunks([])).toEqual([]);
  });
});
