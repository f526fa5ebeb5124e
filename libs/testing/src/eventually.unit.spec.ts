import { eventually } from './eventually';

describe('eventually', () => {
  it('returns the probe value once the probe stops throwing', async () => {
    let calls = 0;
    const value = await eventually(
      () => {
        calls += 1;
        if (calls < 3) throw new Error('not yet');
        return calls;
      },
      { intervalMs: 1 },
    );
    expect(value).toBe(3);
  });

  it('rethrows the last failure when the time is up', async () => {
    await expect(
      eventually(
        () => {
          throw new Error('still no payout event');
        },
        { timeoutMs: 30, intervalMs: 5 },
      ),
    ).rejects.toThrow(/still failing after 30 ms: still no payout event/);
  });
});
