import { ROLES, isRole, type Role } from '../auth/roles';

/**
 * People and their santunan roles through Keycloak's admin REST API, called with the signed-in
 * administrator's own access token (ADR 0033): Keycloak checks that she holds realm-management
 * `view-users` / `manage-users` (the realm's `admin` role is a composite of them), so nobody
 * else can list or change anyone however the console is configured. Keycloak stays the only
 * user store; every expected refusal comes back as a value, never as an exception.
 */

/** A person of the realm as the administrators' pages show them. */
export interface RealmUser {
  readonly id: string;
  readonly username: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly enabled: boolean;
  /** Epoch milliseconds, when Keycloak gives it. */
  readonly createdTimestamp: number | null;
  /** Her santunan realm roles (mapped directly); other realm roles are not shown. */
  readonly roles: readonly Role[];
  /** Required actions still pending (e.g. UPDATE_PASSWORD for a temporary password). */
  readonly requiredActions: readonly string[];
}

export interface RealmUserPage {
  readonly users: readonly RealmUser[];
  readonly total: number;
  readonly first: number;
  readonly max: number;
}

export interface NewRealmUser {
  readonly username: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly password: string;
  /** The user must choose her own password at first sign-in (Keycloak's UPDATE_PASSWORD). */
  readonly temporaryPassword: boolean;
}

/** Which input a refusal is about, as the create form names its fields. */
export type NewUserField = 'username' | 'firstName' | 'lastName' | 'email' | 'password' | 'roles';

export type RealmUsersProblem =
  /** Keycloak refused: another user has this username or email. */
  | { readonly code: 'USER_EXISTS'; readonly field: 'username' | 'email'; readonly detail: string }
  /** Keycloak's user profile or password policy refused a value. */
  | { readonly code: 'USER_INVALID'; readonly field: NewUserField | null; readonly detail: string }
  | { readonly code: 'USER_NOT_FOUND'; readonly field: null; readonly detail: string }
  /** The token may not do this (no realm-management permission). */
  | { readonly code: 'IDENTITY_FORBIDDEN'; readonly field: null; readonly detail: string }
  | { readonly code: 'IDENTITY_UNAVAILABLE'; readonly field: null; readonly detail: string };

export type RealmUsersResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: RealmUsersProblem };

interface UserRepresentation {
  readonly id: string;
  readonly username: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly enabled?: boolean;
  readonly createdTimestamp?: number;
  readonly requiredActions?: string[];
}

interface RoleRepresentation {
  readonly id: string;
  readonly name: string;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** Keycloak's message keys and English messages → the form field they are about. */
export function fieldOfKeycloakError(body: unknown): NewUserField | null {
  const members =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const field = members['field'];
  if (field === 'username' || field === 'email' || field === 'firstName' || field === 'lastName')
    return field;
  const nested = members['errors'];
  if (Array.isArray(nested) && nested.length > 0) return fieldOfKeycloakError(nested[0]);
  const text = [members['errorMessage'], members['error'], members['error_description']]
    .filter((value): value is string => typeof value === 'string')
    .join(' ');
  if (/password/i.test(text)) return 'password';
  if (/email/i.test(text)) return 'email';
  if (/username/i.test(text)) return 'username';
  if (/first ?name/i.test(text)) return 'firstName';
  if (/last ?name/i.test(text)) return 'lastName';
  return null;
}

function detailOf(body: unknown, raw: string): string {
  const members =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  for (const key of ['errorMessage', 'error_description', 'error']) {
    const value = members[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  const nested = members['errors'];
  if (Array.isArray(nested) && nested.length > 0) return detailOf(nested[0], raw);
  return raw.slice(0, 300);
}

function userOf(representation: UserRepresentation, roles: readonly Role[]): RealmUser {
  return {
    id: representation.id,
    username: representation.username,
    firstName: representation.firstName ?? '',
    lastName: representation.lastName ?? '',
    email: representation.email ?? '',
    enabled: representation.enabled !== false,
    createdTimestamp: representation.createdTimestamp ?? null,
    roles: ROLES.filter((role) => roles.includes(role)),
    requiredActions: representation.requiredActions ?? [],
  };
}

class Refused extends Error {
  constructor(readonly problem: RealmUsersProblem) {
    super(problem.detail);
  }
}

export class RealmUsers {
  private readonly adminBase: string;

  /** `issuer`: the realm's issuer, `<base>/realms/<realm>` (the console's OIDC issuer). */
  constructor(
    issuer: string,
    private readonly fetchImpl: Fetch = fetch,
    private readonly timeoutMs = 15_000,
  ) {
    const match = /^(.*)\/realms\/([^/]+)\/?$/.exec(issuer);
    const base = match?.[1] ?? issuer.replace(/\/+$/, '');
    const realm = match?.[2] ?? 'santunan';
    this.adminBase = `${base}/admin/realms/${realm}`;
  }

  /** A page of users, searched in username, names and email, each with her santunan roles. */
  list(
    token: string,
    query: { search?: string; first?: number; max?: number } = {},
  ): Promise<RealmUsersResult<RealmUserPage>> {
    return this.attempt(async () => {
      const first = Math.max(0, query.first ?? 0);
      const max = Math.min(100, Math.max(1, query.max ?? 20));
      const search = query.search?.trim() ?? '';
      const params = new URLSearchParams({
        first: String(first),
        max: String(max),
        briefRepresentation: 'false',
        ...(search === '' ? {} : { search }),
      });
      const [representations, total] = await Promise.all([
        this.json<UserRepresentation[]>(token, 'GET', `/users?${params.toString()}`),
        this.json<number>(
          token,
          'GET',
          `/users/count${search === '' ? '' : `?search=${encodeURIComponent(search)}`}`,
        ),
      ]);
      const users = await Promise.all(
        representations.map(async (user) => userOf(user, await this.rolesOf(token, user.id))),
      );
      return { users, total, first, max };
    });
  }

  get(token: string, userId: string): Promise<RealmUsersResult<RealmUser>> {
    return this.attempt(async () => {
      const representation = await this.json<UserRepresentation>(
        token,
        'GET',
        `/users/${encodeURIComponent(userId)}`,
      );
      return userOf(representation, await this.rolesOf(token, userId));
    });
  }

  /** Creates an enabled user with a password (temporary or not) and her first roles. */
  create(token: string, user: NewRealmUser): Promise<RealmUsersResult<{ id: string }>> {
    return this.attempt(async () => {
      const response = await this.send(token, 'POST', '/users', {
        username: user.username,
        enabled: true,
        emailVerified: true,
        firstName: user.firstName,
        lastName: user.lastName,
        email: user.email,
        requiredActions: user.temporaryPassword ? ['UPDATE_PASSWORD'] : [],
        credentials: [
          { type: 'password', value: user.password, temporary: user.temporaryPassword },
        ],
      });
      const id = response.headers.get('location')?.split('/').pop();
      if (!id) throw new Error(`Keycloak created ${user.username} but named no id`);
      if (user.roles.length > 0) await this.mapRoles(token, id, user.roles, 'POST');
      return { id };
    });
  }

  /** Enables or disables the user (a disabled user cannot sign in; her sessions end). */
  setEnabled(token: string, userId: string, enabled: boolean): Promise<RealmUsersResult<void>> {
    return this.attempt(async () => {
      const path = `/users/${encodeURIComponent(userId)}`;
      // The whole representation back, changed in one member: a partial one may drop others.
      const representation = await this.json<Record<string, unknown>>(token, 'GET', path);
      await this.send(token, 'PUT', path, { ...representation, enabled });
    });
  }

  grantRole(token: string, userId: string, role: Role): Promise<RealmUsersResult<void>> {
    return this.attempt(() => this.mapRoles(token, userId, [role], 'POST'));
  }

  revokeRole(token: string, userId: string, role: Role): Promise<RealmUsersResult<void>> {
    return this.attempt(() => this.mapRoles(token, userId, [role], 'DELETE'));
  }

  // ── plumbing ─────────────────────────────────────────────────────────────────────────

  private async rolesOf(token: string, userId: string): Promise<Role[]> {
    const mapped = await this.json<RoleRepresentation[]>(
      token,
      'GET',
      `/users/${encodeURIComponent(userId)}/role-mappings/realm`,
    );
    return mapped.map((role) => role.name).filter(isRole);
  }

  /**
   * Adds or removes realm role mappings. The roles' ids come from what the user holds (to
   * remove) or what Keycloak says this administrator may map to her (to add): reading a realm
   * role by name would need view-realm, which administering people does not.
   */
  private async mapRoles(
    token: string,
    userId: string,
    roles: readonly Role[],
    method: 'POST' | 'DELETE',
  ): Promise<void> {
    const base = `/users/${encodeURIComponent(userId)}/role-mappings/realm`;
    const candidates = await this.json<RoleRepresentation[]>(
      token,
      'GET',
      method === 'POST' ? `${base}/available` : base,
    );
    const chosen = candidates.filter((role) => (roles as readonly string[]).includes(role.name));
    if (method === 'POST' && chosen.length < roles.length) {
      // Already held (not "available") is fine: granting twice changes nothing.
      const held = await this.rolesOf(token, userId);
      const missing = roles.filter(
        (role) => !held.includes(role) && !chosen.some((c) => c.name === role),
      );
      if (missing.length > 0) {
        throw new Refused({
          code: 'IDENTITY_FORBIDDEN',
          field: null,
          detail: `Keycloak offers no role ${missing.join(', ')} to map to this user`,
        });
      }
    }
    if (chosen.length === 0) return;
    await this.send(
      token,
      method,
      base,
      chosen.map(({ id, name }) => ({ id, name })),
    );
  }

  private async attempt<T>(work: () => Promise<T>): Promise<RealmUsersResult<T>> {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      if (error instanceof Refused) return { ok: false, problem: error.problem };
      return {
        ok: false,
        problem: {
          code: 'IDENTITY_UNAVAILABLE',
          field: null,
          detail: error instanceof Error ? error.message : String(error),
        },
      };
    }
  }

  private async json<T>(token: string, method: string, path: string): Promise<T> {
    return (await (await this.send(token, method, path)).json()) as T;
  }

  private async send(
    token: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Response> {
    const response = await this.fetchImpl(`${this.adminBase}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.ok) return response;
    const raw = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    throw new Refused(problemOf(response.status, parsed, raw));
  }
}

/** A Keycloak admin API refusal as a typed problem. */
export function problemOf(status: number, body: unknown, raw = ''): RealmUsersProblem {
  const detail = detailOf(body, raw) || `HTTP ${status}`;
  if (status === 401 || status === 403) return { code: 'IDENTITY_FORBIDDEN', field: null, detail };
  if (status === 404) return { code: 'USER_NOT_FOUND', field: null, detail };
  const field = fieldOfKeycloakError(body);
  if (status === 409) {
    return { code: 'USER_EXISTS', field: field === 'email' ? 'email' : 'username', detail };
  }
  if (status === 400) return { code: 'USER_INVALID', field, detail };
  return { code: 'IDENTITY_UNAVAILABLE', field: null, detail };
}
