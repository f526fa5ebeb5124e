import type { Role } from '../auth/roles';

/**
 * A small typed client over Keycloak's admin REST API (ADR 0017), for the local runner, the
 * token tool and tests: users with a password and realm roles, client secrets, confidential
 * clients with a service account, realms for tests, and tokens from the token endpoint.
 * It authenticates as the master realm's admin through `admin-cli` (password grant).
 */
export interface KeycloakAdminOptions {
  /** e.g. http://127.0.0.1:8180 (no /realms/...). */
  readonly baseUrl: string;
  readonly username: string;
  readonly password: string;
  /** The realm the methods act on unless told otherwise (default santunan). */
  readonly realm?: string;
}

export const SANTUNAN_REALM = 'santunan';
export const SANTUNAN_AUDIENCE_CLIENT = 'santunan-api';
export const CONSOLE_CLIENT = 'santunan-console';
export const MACHINE_CLIENT = 'santunan-machine';

/** realm-management's roles the realm's `admin` role composes (ADR 0033). */
export const ADMINISTRATOR_USER_PERMISSIONS: readonly string[] = [
  'view-users',
  'query-users',
  'manage-users',
];

/** An answer from Keycloak that was not the one asked for. */
export class KeycloakAdminError extends Error {
  constructor(
    readonly status: number,
    readonly operation: string,
    readonly body: string,
  ) {
    super(`Keycloak ${operation} answered ${status}: ${body.slice(0, 300)}`);
    this.name = 'KeycloakAdminError';
  }
}

export interface TokenResponse {
  readonly access_token: string;
  readonly expires_in: number;
  readonly token_type: string;
  readonly refresh_token?: string;
  readonly id_token?: string;
  readonly scope?: string;
}

export interface NewUser {
  readonly username: string;
  readonly password: string;
  /** Keycloak's default user profile requires names and an email before a user can sign in. */
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly roles: readonly Role[];
}

export interface NewServiceAccountClient {
  readonly clientId: string;
  /** Realm roles of its service account (the token's `roles`). */
  readonly roles: readonly string[];
  /** Its secret; Keycloak generates one when absent. */
  readonly secret?: string;
  /** Put santunan-api into `aud` (default true; false makes a token the services refuse). */
  readonly santunanAudience?: boolean;
  /** Overrides the realm's access-token lifespan for this client's tokens. */
  readonly accessTokenLifespanSeconds?: number;
}

export interface ProtocolMapper {
  readonly name: string;
  readonly protocol: 'openid-connect';
  readonly protocolMapper: string;
  readonly config: Readonly<Record<string, string>>;
}

/**
 * The mappers every santunan client carries (as in tools/keycloak/realm/santunan-realm.json):
 * realm roles as a top-level `roles` array, and santunan-api in `aud`.
 */
export function santunanProtocolMappers(options: { audience?: boolean } = {}): ProtocolMapper[] {
  const roles: ProtocolMapper = {
    name: 'santunan roles',
    protocol: 'openid-connect',
    protocolMapper: 'oidc-usermodel-realm-role-mapper',
    config: {
      'claim.name': 'roles',
      multivalued: 'true',
      'jsonType.label': 'String',
      'access.token.claim': 'true',
      'id.token.claim': 'true',
      'userinfo.token.claim': 'true',
      'introspection.token.claim': 'true',
    },
  };
  const audience: ProtocolMapper = {
    name: 'santunan-api audience',
    protocol: 'openid-connect',
    protocolMapper: 'oidc-audience-mapper',
    config: {
      'included.client.audience': SANTUNAN_AUDIENCE_CLIENT,
      'access.token.claim': 'true',
      'id.token.claim': 'false',
      'introspection.token.claim': 'true',
    },
  };
  return options.audience === false ? [roles] : [roles, audience];
}

/** `<base>/realms/<realm>`: the `iss` of the realm's tokens. */
export function keycloakIssuer(baseUrl: string, realm: string = SANTUNAN_REALM): string {
  return `${baseUrl.replace(/\/+$/, '')}/realms/${encodeURIComponent(realm)}`;
}

function tokenEndpoint(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/protocol/openid-connect/token`;
}

async function tokenRequest(issuer: string, form: Record<string, string>): Promise<TokenResponse> {
  const response = await fetch(tokenEndpoint(issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = await response.text();
  if (!response.ok)
    throw new KeycloakAdminError(response.status, `token (${form['grant_type']})`, body);
  return JSON.parse(body) as TokenResponse;
}

/** A machine caller's token: the client credentials grant. */
export function clientCredentialsToken(
  issuer: string,
  clientId: string,
  clientSecret: string,
): Promise<TokenResponse> {
  return tokenRequest(issuer, {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
  });
}

/**
 * A person's token by username and password (the direct grant): only for clients that allow
 * it, which in santunan is a local-only client the runner creates; people sign in through the
 * console's authorization code flow.
 */
export function passwordGrantToken(
  issuer: string,
  clientId: string,
  username: string,
  password: string,
  clientSecret?: string,
): Promise<TokenResponse> {
  return tokenRequest(issuer, {
    grant_type: 'password',
    client_id: clientId,
    username,
    password,
    scope: 'openid',
    ...(clientSecret === undefined ? {} : { client_secret: clientSecret }),
  });
}

interface IdOnly {
  readonly id: string;
}

interface RoleRepresentation {
  readonly id: string;
  readonly name: string;
}

interface SecretRepresentation {
  readonly value: string;
}

export class KeycloakAdmin {
  readonly baseUrl: string;
  readonly realm: string;
  private accessToken: { value: string; renewAt: number } | undefined;

  constructor(private readonly options: KeycloakAdminOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.realm = options.realm ?? SANTUNAN_REALM;
  }

  /** The issuer of a realm on this server (default: this client's realm). */
  issuer(realm: string = this.realm): string {
    return keycloakIssuer(this.baseUrl, realm);
  }

  // ── users ────────────────────────────────────────────────────────────────────────────

  /** Creates an enabled user with a permanent password and the given realm roles. */
  async createUser(user: NewUser, realm: string = this.realm): Promise<{ id: string }> {
    const response = await this.request('POST', `/admin/realms/${r(realm)}/users`, 'create user', {
      username: user.username,
      enabled: true,
      emailVerified: true,
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
      // Keycloak 24+ asks for a profile unless these are set; none is needed here.
      requiredActions: [],
      credentials: [{ type: 'password', value: user.password, temporary: false }],
    });
    const id = response.headers.get('location')?.split('/').pop();
    if (!id) throw new Error(`Keycloak created ${user.username} but named no id`);
    await this.addRealmRoles(id, user.roles, realm);
    return { id };
  }

  /** The user's id, or undefined when no user has exactly this username. */
  async findUser(
    username: string,
    realm: string = this.realm,
  ): Promise<{ id: string } | undefined> {
    const users = await this.json<Array<IdOnly & { username: string }>>(
      'GET',
      `/admin/realms/${r(realm)}/users?exact=true&username=${encodeURIComponent(username)}`,
      'find user',
    );
    const found = users.find((candidate) => candidate.username === username.toLowerCase());
    return found === undefined ? undefined : { id: found.id };
  }

  /**
   * Creates the user, or brings an existing one to this profile, password and these roles
   * (roles it holds beyond them are left), so a local runner can be started again and again.
   */
  async ensureUser(user: NewUser, realm: string = this.realm): Promise<{ id: string }> {
    const existing = await this.findUser(user.username, realm);
    if (existing === undefined) return this.createUser(user, realm);
    await this.request('PUT', `/admin/realms/${r(realm)}/users/${existing.id}`, 'update user', {
      enabled: true,
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
      emailVerified: true,
      requiredActions: [],
    });
    await this.request(
      'PUT',
      `/admin/realms/${r(realm)}/users/${existing.id}/reset-password`,
      'reset password',
      { type: 'password', value: user.password, temporary: false },
    );
    await this.addRealmRoles(existing.id, user.roles, realm);
    return existing;
  }

  async addRealmRoles(
    userId: string,
    roles: readonly string[],
    realm: string = this.realm,
  ): Promise<void> {
    if (roles.length === 0) return;
    const representations = await Promise.all(
      roles.map((role) =>
        this.json<RoleRepresentation>(
          'GET',
          `/admin/realms/${r(realm)}/roles/${encodeURIComponent(role)}`,
          `read role ${role}`,
        ),
      ),
    );
    await this.request(
      'POST',
      `/admin/realms/${r(realm)}/users/${userId}/role-mappings/realm`,
      'assign realm roles',
      representations.map(({ id, name }) => ({ id, name })),
    );
  }

  // ── clients ──────────────────────────────────────────────────────────────────────────

  /** Keycloak's internal id of a client, from its clientId. */
  async clientUuid(clientId: string, realm: string = this.realm): Promise<string> {
    const clients = await this.json<IdOnly[]>(
      'GET',
      `/admin/realms/${r(realm)}/clients?clientId=${encodeURIComponent(clientId)}`,
      'find client',
    );
    const id = clients[0]?.id;
    if (id === undefined) throw new Error(`no client ${clientId} in realm ${realm}`);
    return id;
  }

  async clientExists(clientId: string, realm: string = this.realm): Promise<boolean> {
    const clients = await this.json<IdOnly[]>(
      'GET',
      `/admin/realms/${r(realm)}/clients?clientId=${encodeURIComponent(clientId)}`,
      'find client',
    );
    return clients.length > 0;
  }

  async setClientSecret(
    clientId: string,
    secret: string,
    realm: string = this.realm,
  ): Promise<void> {
    const id = await this.clientUuid(clientId, realm);
    // The whole representation back with only the secret changed: Keycloak resets some
    // fields (e.g. frontchannelLogout) that a partial representation leaves out.
    const client = await this.json<Record<string, unknown>>(
      'GET',
      `/admin/realms/${r(realm)}/clients/${id}`,
      'read client',
    );
    await this.request('PUT', `/admin/realms/${r(realm)}/clients/${id}`, 'set client secret', {
      ...client,
      secret,
    });
  }

  async clientSecret(clientId: string, realm: string = this.realm): Promise<string> {
    const id = await this.clientUuid(clientId, realm);
    const secret = await this.json<SecretRepresentation>(
      'GET',
      `/admin/realms/${r(realm)}/clients/${id}/client-secret`,
      'read client secret',
    );
    return secret.value;
  }

  async regenerateClientSecret(clientId: string, realm: string = this.realm): Promise<string> {
    const id = await this.clientUuid(clientId, realm);
    const secret = await this.json<SecretRepresentation>(
      'POST',
      `/admin/realms/${r(realm)}/clients/${id}/client-secret`,
      'regenerate client secret',
    );
    return secret.value;
  }

  /**
   * A confidential client for machine callers: client credentials only, its service account
   * holding the given realm roles, tokens shaped like every santunan token.
   */
  async createServiceAccountClient(
    client: NewServiceAccountClient,
    realm: string = this.realm,
  ): Promise<{ id: string; secret: string }> {
    const attributes: Record<string, string> =
      client.accessTokenLifespanSeconds === undefined
        ? {}
        : { 'access.token.lifespan': String(client.accessTokenLifespanSeconds) };
    const response = await this.request(
      'POST',
      `/admin/realms/${r(realm)}/clients`,
      'create client',
      {
        clientId: client.clientId,
        enabled: true,
        protocol: 'openid-connect',
        publicClient: false,
        clientAuthenticatorType: 'client-secret',
        ...(client.secret === undefined ? {} : { secret: client.secret }),
        standardFlowEnabled: false,
        implicitFlowEnabled: false,
        directAccessGrantsEnabled: false,
        serviceAccountsEnabled: true,
        attributes,
        protocolMappers: santunanProtocolMappers({ audience: client.santunanAudience !== false }),
      },
    );
    const id = response.headers.get('location')?.split('/').pop();
    if (!id) throw new Error(`Keycloak created ${client.clientId} but named no id`);
    const account = await this.json<IdOnly>(
      'GET',
      `/admin/realms/${r(realm)}/clients/${id}/service-account-user`,
      'read service account',
    );
    await this.addRealmRoles(account.id, client.roles, realm);
    return { id, secret: client.secret ?? (await this.clientSecret(client.clientId, realm)) };
  }

  /**
   * A public client that allows the direct (password) grant, for scripts acting as a local
   * user. Only local runs create one: it is not in the realm file.
   */
  async createDirectGrantClient(clientId: string, realm: string = this.realm): Promise<void> {
    await this.request('POST', `/admin/realms/${r(realm)}/clients`, 'create client', {
      clientId,
      enabled: true,
      protocol: 'openid-connect',
      publicClient: true,
      standardFlowEnabled: false,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: true,
      serviceAccountsEnabled: false,
      protocolMappers: santunanProtocolMappers(),
    });
  }

  /** The service account's roles of an existing confidential client, added to what it holds. */
  async addServiceAccountRoles(
    clientId: string,
    roles: readonly string[],
    realm: string = this.realm,
  ): Promise<void> {
    const id = await this.clientUuid(clientId, realm);
    const account = await this.json<IdOnly>(
      'GET',
      `/admin/realms/${r(realm)}/clients/${id}/service-account-user`,
      'read service account',
    );
    await this.addRealmRoles(account.id, roles, realm);
  }

  /**
   * The roles of `roleClientId` (e.g. realm-management) that `clientId`'s tokens may carry:
   * its client scope mappings, by name.
   */
  async clientRoleScopeMappings(
    clientId: string,
    roleClientId: string,
    realm: string = this.realm,
  ): Promise<string[]> {
    const [id, roleClient] = await Promise.all([
      this.clientUuid(clientId, realm),
      this.clientUuid(roleClientId, realm),
    ]);
    const roles = await this.json<RoleRepresentation[]>(
      'GET',
      `/admin/realms/${r(realm)}/clients/${id}/scope-mappings/clients/${roleClient}`,
      'read client scope mappings',
    );
    return roles.map((role) => role.name);
  }

  /**
   * Brings an existing realm to ADR 0033 (the realm file does it for a new one; Keycloak's
   * import skips a realm that exists): the `admin` realm role composes realm-management's
   * user permissions, the console client's tokens may carry them, admin events are kept.
   * Adds what is missing, removes nothing; safe to run on every start.
   */
  async ensureAdministratorsAdministerUsers(realm: string = this.realm): Promise<void> {
    const management = await this.clientUuid('realm-management', realm);
    const all = await this.json<RoleRepresentation[]>(
      'GET',
      `/admin/realms/${r(realm)}/clients/${management}/roles`,
      'read realm-management roles',
    );
    const wanted = all
      .filter((role) => ADMINISTRATOR_USER_PERMISSIONS.includes(role.name))
      .map(({ id, name }) => ({ id, name }));
    await this.request(
      'POST',
      `/admin/realms/${r(realm)}/roles/admin/composites`,
      'compose the admin role',
      wanted,
    );
    const consoleClient = await this.clientUuid(CONSOLE_CLIENT, realm);
    await this.request(
      'POST',
      `/admin/realms/${r(realm)}/clients/${consoleClient}/scope-mappings/clients/${management}`,
      "scope the console's tokens",
      wanted,
    );
    const events = await this.json<Record<string, unknown>>(
      'GET',
      `/admin/realms/${r(realm)}/events/config`,
      'read events config',
    );
    await this.request('PUT', `/admin/realms/${r(realm)}/events/config`, 'keep admin events', {
      ...events,
      adminEventsEnabled: true,
      adminEventsDetailsEnabled: true,
    });
  }

  async deleteClient(clientId: string, realm: string = this.realm): Promise<void> {
    const id = await this.clientUuid(clientId, realm);
    await this.request('DELETE', `/admin/realms/${r(realm)}/clients/${id}`, 'delete client');
  }

  async deleteUser(userId: string, realm: string = this.realm): Promise<void> {
    await this.request(
      'DELETE',
      `/admin/realms/${r(realm)}/users/${userId}`,
      'delete user',
      undefined,
      [404],
    );
  }

  // ── realms (tests: another issuer, other token lifespans) ─────────────────────────────

  async createRealm(representation: { realm: string } & Record<string, unknown>): Promise<void> {
    await this.request('POST', '/admin/realms', 'create realm', {
      enabled: true,
      ...representation,
    });
  }

  async deleteRealm(realm: string): Promise<void> {
    await this.request('DELETE', `/admin/realms/${r(realm)}`, 'delete realm', undefined, [404]);
  }

  async realmExists(realm: string): Promise<boolean> {
    const response = await this.request(
      'GET',
      `/admin/realms/${r(realm)}`,
      'read realm',
      undefined,
      [404],
    );
    return response.status !== 404;
  }

  // ── tokens ───────────────────────────────────────────────────────────────────────────

  clientCredentialsToken(
    clientId: string,
    clientSecret: string,
    realm: string = this.realm,
  ): Promise<TokenResponse> {
    return clientCredentialsToken(this.issuer(realm), clientId, clientSecret);
  }

  // ── plumbing ─────────────────────────────────────────────────────────────────────────

  private async adminToken(): Promise<string> {
    if (this.accessToken !== undefined && Date.now() < this.accessToken.renewAt)
      return this.accessToken.value;
    const token = await passwordGrantToken(
      keycloakIssuer(this.baseUrl, 'master'),
      'admin-cli',
      this.options.username,
      this.options.password,
    );
    // Renewed well before it expires (master tokens live 60 s by default).
    this.accessToken = {
      value: token.access_token,
      renewAt: Date.now() + Math.max(5, token.expires_in - 20) * 1000,
    };
    return token.access_token;
  }

  private async json<T>(
    method: string,
    path: string,
    operation: string,
    body?: unknown,
  ): Promise<T> {
    const response = await this.request(method, path, operation, body);
    return (await response.json()) as T;
  }

  private async request(
    method: string,
    path: string,
    operation: string,
    body?: unknown,
    alsoAccepted: readonly number[] = [],
  ): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.adminToken()}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok && !alsoAccepted.includes(response.status)) {
      throw new KeycloakAdminError(response.status, operation, await response.text());
    }
    return response;
  }
}

function r(realm: string): string {
  return encodeURIComponent(realm);
}

export * from './realm-users';
export * from './role-administration';
