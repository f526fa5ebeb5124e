import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a connection exception (SQLSTATE class 08)', withCode('08006')],
    ['a server shutting down', withCode('57P01')],
    ['too many connections', withCode('53300')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    [
      'one wrapped by TypeORM',
      Object.assign(new Error('query failed'), { driverError: withCode('ECONNRESET') }),
    ],
  ])('is true for %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a deadlock', withCode('40P01')],
    ['a handler bug', new TypeError("Cannot read properties of undefined (reading 'nik')")],
    ['a thrown string', 'boom'],
  ])('is false for %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
