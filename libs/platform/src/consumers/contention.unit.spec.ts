import { ConcurrencyError } from '../event-store/event-store.errors';
import { isContention } from './contention';

describe('isContention: another writer, not the message', () => {
  it('is a stream another transaction wrote first', () => {
    expect(
      isContention(new ConcurrencyError('sponsor-program-p', 10, null, 'older-transaction')),
    ).toBe(true);
  });

  it('is a serialization failure or a deadlock, also wrapped by the driver or as a cause', () => {
    expect(isContention(Object.assign(new Error('could not serialize'), { code: '40001' }))).toBe(
      true,
    );
    expect(
      isContention(Object.assign(new Error('query failed'), { driverError: { code: '40P01' } })),
    ).toBe(true);
    expect(
      isContention(
        new Error('apply failed', { cause: Object.assign(new Error('x'), { code: '40001' }) }),
      ),
    ).toBe(true);
  });

  it('is not a handler bug or a constraint the message breaks', () => {
    expect(isContention(new TypeError('cannot read properties of undefined'))).toBe(false);
    expect(isContention(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isContention(undefined)).toBe(false);
  });
});
