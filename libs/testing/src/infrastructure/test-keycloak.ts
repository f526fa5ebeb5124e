import { KeycloakAdmin } from '@santunan/platform';
import { startedForThisRun, type TestKeycloakConnection } from './local-keycloak';

export interface TestKeycloak extends TestKeycloakConnection {
  /** Admin client on the santunan realm. */
  readonly admin: KeycloakAdmin;
  /** `<base>/realms/<realm>` (default santunan). */
  issuer(realm?: string): string;
}
/**
 * A real Keycloak with the santunan realm for integration tests:
 *   - KEYCLOAK_URL (+ KEYCLOAK_ADMIN_USERNAME / KEYCLOAK_ADMIN_PASSWORD) when set (CI, or a
 *     Keycloak someone runs with tools/keycloak/keycloak.sh start);
 *   - otherwise tools/keycloak/keycloak.sh starts one, once per Jest run, on a free port with
 *     its own database; global-teardown stops it (stopTestKeycloak).
 * Started on first use rather than in global setup: most test runs never need it, and it
 * costs half a minute and ~400 MB.
 */
export async function testKeycloak(): Promise<TestKeycloak> {
  const connection = process.env['KEYCLOAK_URL'] ? fromEnvironment() : await startedForThisRun();
  const admin = new KeycloakAdmin({
    baseUrl: connection.baseUrl,
    username: connection.adminUsername,
    password: connection.adminPassword,
  });
  return { ...connection, admin, issuer: (realm) => admin.issuer(realm) };
}

function fromEnvironment(): TestKeycloakConnection {
  const password = process.env['KEYCLOAK_ADMIN_PASSWORD'];
  if (!password) throw new Error('KEYCLOAK_URL is set but KEYCLOAK_ADMIN_PASSWORD is not');
  return {
    baseUrl: String(process.env['KEYCLOAK_URL']).replace(/\/+$/, ''),
    adminUsername: process.env['KEYCLOAK_ADMIN_USERNAME'] || 'admin',
    adminPassword: password,
  };
}
