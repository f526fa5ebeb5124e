import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { testKeycloak, testRunId, type TestKeycloak } from '@santunan/testing';
import { CONSOLE_CLIENT, passwordGrantToken } from './keycloak-admin';
import { RealmUsers } from './realm-users';

// Real Keycloak, the santunan realm as tools/keycloak/realm imports it: ADR 0033's claim that
// the realm's `admin` role — and only it — lets a person's own token administer people.
describe("administering people through Keycloak's admin API with a person's own token", () => {
  const tag = `u-${testRunId()}-${randomBytes(3).toString('hex')}`.toLowerCase();
  const cli = `${tag}-cli`;
  const password = `${randomBytes(12).toString('base64url')}-Aa1`;
  const people = {
    admin: `${tag}-admin`,
    plain: `${tag}-plain`,
    target: `${tag}-target`,
  };
  const ids: Record<string, string> = {};
  const created: string[] = [];
  let keycloak: TestKeycloak;
  let users: RealmUsers;

  const tokenOf = async (username: string): Promise<string> =>
    (await passwordGrantToken(keycloak.issuer(), cli, username, password)).access_token;

  beforeAll(async () => {
    keycloak = await testKeycloak();
    users = new RealmUsers(keycloak.issuer());
    // A direct-grant client (tests only) whose tokens carry what the user's roles give.
    await keycloak.admin.createDirectGrantClient(cli);
    for (const [key, username] of Object.entries(people)) {
      const { id } = await keycloak.admin.createUser({
        username,
        password,
        firstName: key,
        lastName: 'Tester',
        email: `${username}@santunan.test`,
        roles: key === 'admin' ? ['admin'] : [],
      });
      ids[key] = id;
    }
  });

  afterAll(async () => {
    for (const id of [...Object.values(ids), ...created]) await keycloak.admin.deleteUser(id);
    await keycloak.admin.deleteClient(cli).catch(() => undefined);
  });

  it("lets the console's tokens carry realm-management's user permissions (the realm file)", async () => {
    const scoped = await keycloak.admin.clientRoleScopeMappings(CONSOLE_CLIENT, 'realm-management');
    expect(scoped.sort()).toEqual(['manage-users', 'query-users', 'view-users']);
    const claims = decodeJwt(await tokenOf(people.admin));
    const access = claims['resource_access'] as Record<string, { roles: string[] }> | undefined;
    expect(access?.['realm-management']?.roles).toEqual(
      expect.arrayContaining(['view-users', 'manage-users']),
    );
  });

  it('brings an existing realm to the same state, again and again (the local runner)', async () => {
    await keycloak.admin.ensureAdministratorsAdministerUsers();
    await keycloak.admin.ensureAdministratorsAdministerUsers();
    // A realm made before ADR 0033: the admin role and the console client, nothing more.
    const bare = `${tag}-bare`;
    await keycloak.admin.createRealm({
      realm: bare,
      roles: { realm: [{ name: 'admin' }] },
      clients: [{ clientId: CONSOLE_CLIENT, publicClient: false, fullScopeAllowed: false }],
    });
    try {
      expect(
        await keycloak.admin.clientRoleScopeMappings(CONSOLE_CLIENT, 'realm-management', bare),
      ).toEqual([]);
      await keycloak.admin.ensureAdministratorsAdministerUsers(bare);
      expect(
        (
          await keycloak.admin.clientRoleScopeMappings(CONSOLE_CLIENT, 'realm-management', bare)
        ).sort(),
      ).toEqual(['manage-users', 'query-users', 'view-users']);
    } finally {
      await keycloak.admin.deleteRealm(bare);
    }
    const scoped = await keycloak.admin.clientRoleScopeMappings(CONSOLE_CLIENT, 'realm-management');
    expect(scoped.sort()).toEqual(['manage-users', 'query-users', 'view-users']);
    const claims = decodeJwt(await tokenOf(people.admin));
    const access = claims['resource_access'] as Record<string, { roles: string[] }> | undefined;
    expect(access?.['realm-management']?.roles).toEqual(
      expect.arrayContaining(['view-users', 'query-users', 'manage-users']),
    );
  });

  it('lists and searches users with their santunan roles, and pages through them', async () => {
    const token = await tokenOf(people.admin);
    const found = await users.list(token, { search: tag });
    expect(found.ok && found.value.total).toBe(3);
    const listed = found.ok ? found.value.users : [];
    expect(listed.find((user) => user.username === people.admin)?.roles).toEqual(['admin']);
    expect(listed.find((user) => user.username === people.target)).toMatchObject({
      id: ids['target'],
      roles: [],
      enabled: true,
      email: `${people.target}@santunan.test`,
    });
    const second = await users.list(token, { search: tag, first: 2, max: 2 });
    expect(second.ok && second.value.users.length).toBe(1);
  });

  it('grants and revokes a role; the person’s next token has it, then not', async () => {
    const token = await tokenOf(people.admin);
    const target = ids['target'] ?? '';
    expect((await users.grantRole(token, target, 'enrollment-officer')).ok).toBe(true);
    const after = await users.get(token, target);
    expect(after.ok && after.value.roles).toEqual(['enrollment-officer']);
    expect(decodeJwt(await tokenOf(people.target))['roles']).toContain('enrollment-officer');
    // Granting what she holds changes nothing and is no error.
    expect((await users.grantRole(token, target, 'enrollment-officer')).ok).toBe(true);

    expect((await users.revokeRole(token, target, 'enrollment-officer')).ok).toBe(true);
    const revoked = await users.get(token, target);
    expect(revoked.ok && revoked.value.roles).toEqual([]);
    expect(decodeJwt(await tokenOf(people.target))['roles'] ?? []).not.toContain(
      'enrollment-officer',
    );
  });

  it('creates a user with a temporary password and first roles; refusals name the field', async () => {
    const token = await tokenOf(people.admin);
    const base = {
      firstName: 'Yosef',
      lastName: 'Bria',
      password: 'a-long-enough-password',
      temporaryPassword: true,
      roles: ['auditor'] as const,
    };
    const username = `${tag}-new`;
    const made = await users.create(token, {
      ...base,
      username,
      email: `${username}@santunan.test`,
    });
    expect(made.ok).toBe(true);
    if (made.ok) created.push(made.value.id);
    const fresh = made.ok ? await users.get(token, made.value.id) : null;
    expect(fresh?.ok && fresh.value).toMatchObject({
      username,
      roles: ['auditor'],
      requiredActions: ['UPDATE_PASSWORD'],
    });

    const refusals = await Promise.all([
      users.create(token, { ...base, username: people.plain, email: `${tag}-x@santunan.test` }),
      users.create(token, {
        ...base,
        username: `${tag}-y`,
        email: `${people.plain}@santunan.test`,
      }),
      users.create(token, { ...base, username: `${tag}-z`, email: 'not-an-email' }),
      users.create(token, {
        ...base,
        username: `${tag}-w`,
        email: `${tag}-w@santunan.test`,
        password: 'short',
      }),
    ]);
    expect(refusals.map((result) => (result.ok ? 'ok' : result.problem))).toEqual([
      expect.objectContaining({ code: 'USER_EXISTS', field: 'username' }),
      expect.objectContaining({ code: 'USER_EXISTS', field: 'email' }),
      expect.objectContaining({ code: 'USER_INVALID', field: 'email' }),
      expect.objectContaining({ code: 'USER_INVALID', field: 'password' }),
    ]);
    // A refused user was not created after all.
    const leftovers = await users.list(token, { search: `${tag}-w` });
    expect(leftovers.ok && leftovers.value.total).toBe(0);
  });

  it('disables a user, who can then not sign in, and enables her again', async () => {
    const token = await tokenOf(people.admin);
    const plain = ids['plain'] ?? '';
    expect((await users.setEnabled(token, plain, false)).ok).toBe(true);
    const disabled = await users.get(token, plain);
    expect(disabled.ok && disabled.value).toMatchObject({ enabled: false, firstName: 'plain' });
    await expect(tokenOf(people.plain)).rejects.toThrow(/400|401/);
    expect((await users.setEnabled(token, plain, true)).ok).toBe(true);
    await expect(tokenOf(people.plain)).resolves.toEqual(expect.any(String));
  });

  it('refuses a person without the admin role: Keycloak itself says no', async () => {
    const token = await tokenOf(people.plain);
    const listed = await users.list(token);
    expect(!listed.ok && listed.problem.code).toBe('IDENTITY_FORBIDDEN');
    const granted = await users.grantRole(token, ids['plain'] ?? '', 'admin');
    expect(!granted.ok && granted.problem.code).toBe('IDENTITY_FORBIDDEN');
    const still = await users.get(await tokenOf(people.admin), ids['plain'] ?? '');
    expect(still.ok && still.value.roles).toEqual([]);
  });
});
