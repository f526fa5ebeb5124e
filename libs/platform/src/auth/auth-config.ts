/** How access tokens are checked. HS256 with a shared secret: one issuer, our own services. */
export interface AuthConfig {
  readonly secret: string;
  readonly issuer: string;
  readonly audience: string;
  /** Slack for clocks that disagree between the issuer and a service. */
  readonly clockToleranceSeconds: number;
}

export const DEFAULT_ISSUER = 'santunan';
export const DEFAULT_AUDIENCE = 'santunan-api';

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output (256 bits). */
const MIN_SECRET_LENGTH = 32;

export function authConfig(config: Partial<AuthConfig> & Pick<AuthConfig, 'secret'>): AuthConfig {
  if (config.secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`the JWT secret must be at least ${MIN_SECRET_LENGTH} characters long`);
  }
  return {
    secret: config.secret,
    issuer: config.issuer ?? DEFAULT_ISSUER,
    audience: config.audience ?? DEFAULT_AUDIENCE,
    clockToleranceSeconds: config.clockToleranceSeconds ?? 30,
  };
}

/** AUTH_JWT_SECRET (required), AUTH_JWT_ISSUER, AUTH_JWT_AUDIENCE. */
export function authConfigFromEnvironment(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const secret = env['AUTH_JWT_SECRET'];
  if (!secret) throw new Error('AUTH_JWT_SECRET is not set');
  return authConfig({
    secret,
    issuer: env['AUTH_JWT_ISSUER'] || undefined,
    audience: env['AUTH_JWT_AUDIENCE'] || undefined,
  });
}
