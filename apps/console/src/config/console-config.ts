import {
  LOCAL_POSTGRES_URL,
  databaseUrl,
  loggingFromEnvironment,
  type LoggingConfig,
} from '@santunan/platform';

/** The four services the console calls with the signed-in user's own token. */
export interface ServiceUrls {
  readonly enrollment: string;
  readonly contributions: string;
  readonly claims: string;
  readonly payouts: string;
}

export interface ConsoleConfig {
  readonly port: number;
  /** The address it listens on: 127.0.0.1 unless set (0.0.0.0 in a container). */
  readonly host?: string;
  /** Where browsers reach the console; redirect URIs and the cookie's Secure flag follow it. */
  readonly publicUrl: string;
  readonly oidc: {
    readonly issuerUrl: string;
    readonly clientId: string;
    readonly clientSecret: string;
  };
  /** Signs the session cookie. */
  readonly sessionSecret: string;
  /** `santunan_console`: sessions, and the auditor's reveal log. */
  readonly databaseUrl: string;
  readonly services: ServiceUrls;
  /** The log level: CONSOLE_LOG_LEVEL or LOG_LEVEL (ADR 0028). */
  readonly logging?: LoggingConfig;
}

type Environment = Readonly<Record<string, string | undefined>>;

function value(env: Environment, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

function required(env: Environment, name: string): string {
  const raw = value(env, name);
  if (raw === undefined) throw new Error(`${name} must be set`);
  return raw;
}

function baseUrl(env: Environment, name: string, fallback: string): string {
  const raw = value(env, name) ?? fallback;
  // Validates, and drops a trailing slash so paths join the same way everywhere.
  return new URL(raw).toString().replace(/\/$/, '');
}

/**
 * CONSOLE_PORT (3000), CONSOLE_HOST or HOST (127.0.0.1), CONSOLE_PUBLIC_URL
 * (http://127.0.0.1:<port>), OIDC_ISSUER_URL (http://127.0.0.1:8180/realms/santunan),
 * OIDC_CLIENT_ID (santunan-console),
 * OIDC_CLIENT_SECRET, CONSOLE_SESSION_SECRET (at least 32 characters), ENROLLMENT_URL,
 * CONTRIBUTIONS_URL, CLAIMS_URL, PAYOUTS_URL (127.0.0.1:3001–3004), and CONSOLE_DATABASE_URL
 * or `santunan_console` on DATABASE_URL's server; CONSOLE_LOG_LEVEL or LOG_LEVEL (info).
 */
export function consoleConfigFromEnvironment(env: Environment = process.env): ConsoleConfig {
  const port = Number(value(env, 'CONSOLE_PORT') ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error('CONSOLE_PORT must be a port number');
  }
  const sessionSecret = required(env, 'CONSOLE_SESSION_SECRET');
  if (sessionSecret.length < 32) {
    throw new Error('CONSOLE_SESSION_SECRET must be at least 32 characters');
  }
  const server = value(env, 'DATABASE_URL') ?? LOCAL_POSTGRES_URL;
  return {
    port,
    host: value(env, 'CONSOLE_HOST') ?? value(env, 'HOST') ?? '127.0.0.1',
    publicUrl: baseUrl(env, 'CONSOLE_PUBLIC_URL', `http://127.0.0.1:${port}`),
    oidc: {
      issuerUrl: baseUrl(env, 'OIDC_ISSUER_URL', 'http://127.0.0.1:8180/realms/santunan'),
      clientId: value(env, 'OIDC_CLIENT_ID') ?? 'santunan-console',
      clientSecret: required(env, 'OIDC_CLIENT_SECRET'),
    },
    sessionSecret,
    databaseUrl: value(env, 'CONSOLE_DATABASE_URL') ?? databaseUrl(server, 'santunan_console'),
    services: {
      enrollment: baseUrl(env, 'ENROLLMENT_URL', 'http://127.0.0.1:3001'),
      contributions: baseUrl(env, 'CONTRIBUTIONS_URL', 'http://127.0.0.1:3002'),
      claims: baseUrl(env, 'CLAIMS_URL', 'http://127.0.0.1:3003'),
      payouts: baseUrl(env, 'PAYOUTS_URL', 'http://127.0.0.1:3004'),
    },
    logging: loggingFromEnvironment('console', env),
  };
}

/** The session cookie is Secure exactly when browsers reach the console over TLS. */
export function isSecureDeployment(config: Pick<ConsoleConfig, 'publicUrl'>): boolean {
  return new URL(config.publicUrl).protocol === 'https:';
}
