import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A secret of the local platform: the environment variable when set, otherwise one generated
 * on first use and kept in .local/<file> (git-ignored, mode 600), so `npm run platform` needs
 * no setup and the tools that talk to it (token, scenario) find the same value.
 * With `create: false` a missing file gives undefined instead of a new secret.
 */
export function localSecret(
  root: string,
  file: string,
  variable?: string,
  options: { create?: boolean } = {},
): string {
  const fromEnvironment = variable === undefined ? undefined : process.env[variable];
  if (fromEnvironment) return fromEnvironment;
  const location = path.join(root, '.local', file);
  if (fs.existsSync(location)) return fs.readFileSync(location, 'utf8').trim();
  if (options.create === false) return '';
  fs.mkdirSync(path.dirname(location), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(location, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * The HS256 secret for the test/offline mode (AUTH_MODE=hs256): AUTH_JWT_SECRET when set,
 * otherwise .local/auth-jwt-secret, so `npm run token` mints tokens such services accept.
 */
export function localAuthSecret(root: string): string {
  return localSecret(root, 'auth-jwt-secret', 'AUTH_JWT_SECRET');
}
