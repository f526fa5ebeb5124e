import { isRole, type Role } from '../auth/roles';

/**
 * What an administrator may not do to people's access even though Keycloak's `manage-users`
 * would let her (ADR 0033): grant anything but the seven santunan roles, lock herself out by
 * disabling her own account, or take her own `admin` role away — either would leave the
 * realm without the person who just acted, and another administrator must do it instead.
 */
export type RoleChange = 'grant' | 'revoke';

export type AdministrationRefusal = 'ROLE_UNKNOWN' | 'OWN_ADMIN_ROLE_REVOKE' | 'SELF_DISABLE';

export type AdministrationCheck<T> =
  | { readonly allowed: true; readonly value: T }
  | { readonly allowed: false; readonly refusal: AdministrationRefusal };

export function checkRoleChange(request: {
  readonly actorId: string;
  readonly userId: string;
  readonly role: string;
  readonly change: RoleChange;
}): AdministrationCheck<Role> {
  if (!isRole(request.role)) return { allowed: false, refusal: 'ROLE_UNKNOWN' };
  if (request.change === 'revoke' && request.role === 'admin' && request.actorId === request.userId)
    return { allowed: false, refusal: 'OWN_ADMIN_ROLE_REVOKE' };
  return { allowed: true, value: request.role };
}

export function checkEnabledChange(request: {
  readonly actorId: string;
  readonly userId: string;
  readonly enabled: boolean;
}): AdministrationCheck<boolean> {
  if (!request.enabled && request.actorId === request.userId)
    return { allowed: false, refusal: 'SELF_DISABLE' };
  return { allowed: true, value: request.enabled };
}

/** A new user's first roles: each must be a santunan role. */
export function checkInitialRoles(roles: readonly string[]): AdministrationCheck<Role[]> {
  const unique = [...new Set(roles)];
  if (!unique.every(isRole)) return { allowed: false, refusal: 'ROLE_UNKNOWN' };
  return { allowed: true, value: unique.filter(isRole) };
}
