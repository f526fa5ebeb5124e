/**
 * The local platform's identity: where its Keycloak is, how to administer it, the secrets it
 * keeps in .local/ (generated once, git-ignored, never committed), and — LOCAL RUNS ONLY — the
 * demo users and the direct-grant client for scripts. `npm run platform` is the local runner;
 * a deployment (docker/compose.yml, or anything else) never runs `provisionLocalIdentity`:
 * there, people are created in Keycloak by its administrators.
 */
import {
  CONSOLE_CLIENT,
  KeycloakAdmin,
  MACHINE_CLIENT,
  keycloakIssuer,
  type Role,
} from '@santunan/platform';
import { localSecret } from './local-auth-secret';

export const DEFAULT_KEYCLOAK_URL = 'http://127.0.0.1:8180';
/** A public client allowing the password grant, for `npm run token -- --user`: local only. */
export const LOCAL_CLI_CLIENT = 'santunan-local-cli';

/**
 * Roles of the `santunan-machine` service account in a local run: the batch callers (worker
 * uploads, wage reports and dues, settlements, audits). Deciding claims stays with people.
 */
export const LOCAL_MACHINE_ROLES: readonly Role[] = [
  'enrollment-officer',
  'sponsor-operator',
  'finance',
  'auditor',
];

export interface DemoUser {
  readonly username: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly roles: readonly Role[];
}

/**
 * One person per role, plus a second claims officer and a second supervisor so maker and
 * checker can be different people (the services refuse a maker approving their own claim).
 */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'kepesertaan.yohana',
    firstName: 'Yohana',
    lastName: 'Bria',
    roles: ['enrollment-officer'],
  },
  {
    username: 'pemberi-kerja.daniel',
    firstName: 'Daniel',
    lastName: 'Ratu',
    roles: ['sponsor-operator'],
  },
  { username: 'klaim.maria', firstName: 'Maria', lastName: 'Ndun', roles: ['claims-officer'] },
  { username: 'klaim.yakobus', firstName: 'Yakobus', lastName: 'Tefa', roles: ['claims-officer'] },
  {
    username: 'supervisor.yosef',
    firstName: 'Yosef',
    lastName: 'Manek',
    roles: ['claims-supervisor'],
  },
  {
    username: 'supervisor.theresia',
    firstName: 'Theresia',
    lastName: 'Bunga',
    roles: ['claims-supervisor'],
  },
  { username: 'keuangan.agnes', firstName: 'Agnes', lastName: 'Lay', roles: ['finance'] },
  { username: 'auditor.simon', firstName: 'Simon', lastName: 'Nope', roles: ['auditor'] },
  { username: 'admin.platform', firstName: 'Admin', lastName: 'Platform', roles: ['admin'] },
];

export interface LocalKeycloak {
  readonly baseUrl: string;
  readonly issuer: string;
  readonly admin: KeycloakAdmin;
}

/** KEYCLOAK_URL or the local default; admin from KEYCLOAK_ADMIN_* or .local/. */
export function localKeycloak(root: string, env: NodeJS.ProcessEnv = process.env): LocalKeycloak {
  const baseUrl = (env['KEYCLOAK_URL'] || DEFAULT_KEYCLOAK_URL).replace(/\/+$/, '');
  const password =
    env['KEYCLOAK_ADMIN_PASSWORD'] ||
    // The password keycloak.sh generated for its bootstrap admin.
    localSecret(root, 'keycloak-admin-password', undefined, { create: false });
  if (!password)
    throw new Error(
      'KEYCLOAK_ADMIN_PASSWORD is not set (and .local/keycloak-admin-password does not exist)',
    );
  const admin = new KeycloakAdmin({
    baseUrl,
    username: env['KEYCLOAK_ADMIN_USERNAME'] || 'admin',
    password,
  });
  return { baseUrl, issuer: keycloakIssuer(baseUrl), admin };
}

/** The console client's secret: OIDC_CLIENT_SECRET, or generated once into .local/. */
export function consoleClientSecret(root: string): string {
  return localSecret(root, 'keycloak-console-client-secret', 'OIDC_CLIENT_SECRET');
}

export const MACHINE_SECRET_FILE = 'keycloak-machine-client-secret';

/** The machine client's secret: KEYCLOAK_MACHINE_CLIENT_SECRET, or generated once. */
export function machineClientSecret(root: string): string {
  return localSecret(root, MACHINE_SECRET_FILE, 'KEYCLOAK_MACHINE_CLIENT_SECRET');
}

/** The password every demo user gets: DEMO_USERS_PASSWORD, or generated once. */
export function demoUsersPassword(root: string): string {
  return localSecret(root, 'demo-users-password', 'DEMO_USERS_PASSWORD');
}

/** The console's own clients' secrets, for the console and the token tool (local runs). */
export async function configureLocalClients(root: string, keycloak: LocalKeycloak): Promise<void> {
  const { admin } = keycloak;
  // A realm imported before ADR 0033 (Keycloak's import skips an existing realm) gets the
  // administrators' user permissions here.
  await admin.ensureAdministratorsAdministerUsers();
  await admin.setClientSecret(CONSOLE_CLIENT, consoleClientSecret(root));
  await admin.setClientSecret(MACHINE_CLIENT, machineClientSecret(root));
  await admin.addServiceAccountRoles(MACHINE_CLIENT, LOCAL_MACHINE_ROLES);
  if (!(await admin.clientExists(LOCAL_CLI_CLIENT)))
    await admin.createDirectGrantClient(LOCAL_CLI_CLIENT);
}

/**
 * LOCAL/SIMULATION RUNS ONLY: the demo users (created, or reset to the local password and
 * their roles). Returns the password they share.
 */
export async function provisionLocalDemoUsers(
  root: string,
  keycloak: LocalKeycloak,
): Promise<string> {
  const password = demoUsersPassword(root);
  for (const user of DEMO_USERS) {
    await keycloak.admin.ensureUser({
      username: user.username,
      password,
      firstName: user.firstName,
      lastName: user.lastName,
      email: `${user.username}@demo.santunan.invalid`,
      roles: user.roles,
    });
  }
  return password;
}

/** The table `npm run platform` prints: who can sign in where, with what. */
export function demoUsersTable(consoleUrl: string | null, password: string): string[] {
  const width = Math.max(...DEMO_USERS.map((user) => user.username.length));
  return [
    consoleUrl === null
      ? 'demo users (LOCAL ONLY; the console is not in this checkout):'
      : `open ${consoleUrl} and sign in as one of these demo users (LOCAL ONLY):`,
    `  ${'username'.padEnd(width)}  role(s)`,
    ...DEMO_USERS.map((user) => `  ${user.username.padEnd(width)}  ${user.roles.join(', ')}`),
    `  password for all of them: ${password}   (kept in .local/demo-users-password)`,
  ];
}
