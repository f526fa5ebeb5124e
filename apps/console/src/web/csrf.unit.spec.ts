import { csrfTokenMatches, newCsrfToken } from './csrf';
import { localPath } from './page-exceptions';

describe('CSRF synchronizer token', () => {
  const token = newCsrfToken();

  it('accepts exactly the session’s token', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrfTokenMatches(token, token)).toBe(true);
  });

  it.each([
    ['a missing token', undefined],
    ['an empty token', ''],
    ['another token', newCsrfToken()],
    ['a prefix', token.slice(0, 20)],
    ['a repeated field', [token, token]],
  ])('refuses %s', (_case, submitted) => {
    expect(csrfTokenMatches(token, submitted)).toBe(false);
  });

  it('refuses everything when the session has no token yet', () => {
    expect(csrfTokenMatches(undefined, token)).toBe(false);
  });
});

describe('return paths after sign-in and language switch', () => {
  it.each([
    ['/claims?status=open', '/claims?status=open'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    [undefined, '/'],
  ])('%s → %s', (candidate, expected) => {
    expect(localPath(candidate)).toBe(expected);
  });
});
