import { checkEnabledChange, checkInitialRoles, checkRoleChange } from './role-administration';
import { fieldOfKeycloakError, problemOf } from './realm-users';

describe('what an administrator may not do to access', () => {
  const me = 'admin-1';
  const other = 'user-2';

  it.each([
    ['grant a santunan role to another', other, 'enrollment-officer', 'grant', true],
    ['grant admin to another', other, 'admin', 'grant', true],
    ['revoke admin from another', other, 'admin', 'revoke', true],
    ['revoke another role of her own', me, 'auditor', 'revoke', true],
    ['grant an unknown role', other, 'realm-admin', 'grant', 'ROLE_UNKNOWN'],
    ['revoke an unknown role', other, 'offline_access', 'revoke', 'ROLE_UNKNOWN'],
    ['revoke her own admin role', me, 'admin', 'revoke', 'OWN_ADMIN_ROLE_REVOKE'],
  ] as const)('%s', (_name, userId, role, change, expected) => {
    const check = checkRoleChange({ actorId: me, userId, role, change });
    if (expected === true) expect(check).toEqual({ allowed: true, value: role });
    else expect(check).toEqual({ allowed: false, refusal: expected });
  });

  it('refuses disabling oneself, allows enabling oneself and disabling another', () => {
    expect(checkEnabledChange({ actorId: me, userId: me, enabled: false })).toEqual({
      allowed: false,
      refusal: 'SELF_DISABLE',
    });
    expect(checkEnabledChange({ actorId: me, userId: me, enabled: true }).allowed).toBe(true);
    expect(checkEnabledChange({ actorId: me, userId: other, enabled: false }).allowed).toBe(true);
  });

  it('takes only santunan roles as a new user’s first roles, each once', () => {
    expect(checkInitialRoles(['finance', 'auditor', 'finance'])).toEqual({
      allowed: true,
      value: ['finance', 'auditor'],
    });
    expect(checkInitialRoles([])).toEqual({ allowed: true, value: [] });
    expect(checkInitialRoles(['finance', 'manage-users'])).toEqual({
      allowed: false,
      refusal: 'ROLE_UNKNOWN',
    });
  });
});

describe("Keycloak's refusals placed on the create form", () => {
  it.each([
    [409, { errorMessage: 'User exists with same username' }, 'USER_EXISTS', 'username'],
    [409, { errorMessage: 'User exists with same email' }, 'USER_EXISTS', 'email'],
    [400, { field: 'email', errorMessage: 'invalidEmailMessage' }, 'USER_INVALID', 'email'],
    [
      400,
      { errors: [{ field: 'firstName', errorMessage: 'error-invalid-length' }] },
      'USER_INVALID',
      'firstName',
    ],
    [
      400,
      { error: 'invalidPasswordMinLengthMessage', error_description: 'Invalid password' },
      'USER_INVALID',
      'password',
    ],
    [403, { error: 'unknown_error' }, 'IDENTITY_FORBIDDEN', null],
    [404, { error: 'User not found' }, 'USER_NOT_FOUND', null],
    [502, undefined, 'IDENTITY_UNAVAILABLE', null],
  ] as const)('%i %j → %s on %s', (status, body, code, field) => {
    const problem = problemOf(status, body);
    expect(problem.code).toBe(code);
    expect(problem.field).toBe(field);
  });

  it('reads no field from an answer that names none', () => {
    expect(fieldOfKeycloakError({ errorMessage: 'something else' })).toBeNull();
    expect(fieldOfKeycloakError('not an object')).toBeNull();
  });
});
