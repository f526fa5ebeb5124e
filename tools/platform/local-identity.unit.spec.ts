import { ROLES, type Role } from '@santunan/platform';
import { platformDatabases } from './databases';
import { DEMO_USERS, LOCAL_MACHINE_ROLES, demoUsersTable } from './local-identity';

describe('the local platform identity', () => {
  it('has a demo user for every role, and two makers and two checkers', () => {
    const holders = (role: Role) => DEMO_USERS.filter((user) => user.roles.includes(role));
    for (const role of ROLES) expect(holders(role).length).toBeGreaterThan(0);
    expect(holders('claims-officer')).toHaveLength(2);
    expect(holders('claims-supervisor')).toHaveLength(2);
    // Maker ≠ checker: nobody holds both.
    expect(
      DEMO_USERS.filter(
        (user) => user.roles.includes('claims-officer') && user.roles.includes('claims-supervisor'),
      ),
    ).toEqual([]);
    // Keycloak keeps usernames in lower case; the console and the token tool use them as is.
    for (const user of DEMO_USERS) expect(user.username).toMatch(/^[a-z][a-z.-]+$/);
  });

  it('gives the machine client batch roles, never the deciding ones', () => {
    expect(LOCAL_MACHINE_ROLES).not.toContain('claims-officer');
    expect(LOCAL_MACHINE_ROLES).not.toContain('claims-supervisor');
    expect(LOCAL_MACHINE_ROLES).not.toContain('admin');
  });

  it('prints where to sign in, every demo user with their roles, and the password', () => {
    const table = demoUsersTable('http://127.0.0.1:3000', 'the-local-password').join('\n');
    expect(table).toContain('open http://127.0.0.1:3000');
    for (const user of DEMO_USERS) expect(table).toContain(user.username);
    expect(table).toContain('the-local-password');
  });

  it('names every database after PLATFORM_DATABASE_PREFIX', () => {
    expect(Object.values(platformDatabases('santunan'))).toEqual([
      'santunan_enrollment',
      'santunan_contributions',
      'santunan_claims',
      'santunan_payouts',
      'santunan_keys',
      'santunan_console',
      'santunan_keycloak',
    ]);
    expect(platformDatabases('run_7').claims).toBe('run_7_claims');
    expect(() => platformDatabases('Bad-Prefix')).toThrow(/PLATFORM_DATABASE_PREFIX/);
  });
});
