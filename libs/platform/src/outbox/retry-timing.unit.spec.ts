import { advisoryLockKey } from './advisory-lock-key';
import { backoffDelay, InterruptibleSleeper, TimeoutError, withTimeout } from './retry-timing';

describe('backoffDelay', () => {
  it.each([
    [1, 200],
    [2, 400],
    [4, 1_600],
    [6, 5_000],
    [60, 5_000],
  ])('attempt %i waits %i ms', (attempt, delay) => {
    expect(backoffDelay({ initialMs: 200, maxMs: 5_000 }, attempt)).toBe(delay);
  });
});

describe('InterruptibleSleeper', () => {
  it('wakes every sleeper at once when asked', async () => {
    const sleeper = new InterruptibleSleeper();
    const sleeping = Promise.all([sleeper.sleep(60_000), sleeper.sleep(60_000)]);
    sleeper.wakeAll();
    await expect(sleeping).resolves.toEqual([undefined, undefined]);
  });
});

describe('withTimeout', () => {
  it('rejects with TimeoutError when the work does not settle in time', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10, 'publish')).rejects.toThrow(
      TimeoutError,
    );
  });

  it('passes the result through', async () => {
    await expect(withTimeout(Promise.resolve(7), 1_000, 'publish')).resolves.toBe(7);
  });
});

describe('advisoryLockKey', () => {
  it('is a stable signed 64-bit integer per name', () => {
    const key = advisoryLockKey('santunan:outbox-relay:claims');
    expect(key).toBe(advisoryLockKey('santunan:outbox-relay:claims'));
    expect(key).not.toBe(advisoryLockKey('santunan:outbox-relay:payouts'));
    expect(BigInt.asIntN(64, BigInt(key))).toBe(BigInt(key));
  });
});
