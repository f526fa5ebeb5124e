import type { ConsoleConfig, ServiceUrls } from '../config/console-config';

/**
 * The console's configuration in tests: a random port and an identity provider nothing listens
 * at (the tests never reach it: they sign in by forging a session, or not at all).
 */
export function consoleTestConfig({
  databaseUrl,
  services,
  sessionSecret = 'a-session-secret-of-at-least-thirty-two-chars',
}: {
  databaseUrl: string;
  services: ServiceUrls;
  /** Given when the test signs its own session cookies. */
  sessionSecret?: string;
}): ConsoleConfig {
  return {
    port: 0,
    publicUrl: 'http://127.0.0.1:3999',
    oidc: {
      issuerUrl: 'http://127.0.0.1:9/realms/santunan',
      clientId: 'santunan-console',
      clientSecret: 'unused-here',
    },
    sessionSecret,
    databaseUrl,
    services,
  };
}
