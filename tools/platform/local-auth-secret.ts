import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The JWT secret for a local platform: AUTH_JWT_SECRET when set, otherwise one generated on
 * first use and kept in .local/auth-jwt-secret (git-ignored), so `npm run platform` needs no
 * setup and `npm run token` mints tokens the local services accept.
 */
export function localAuthSecret(root: string): string {
  const fromEnvironment = process.env['AUTH_JWT_SECRET'];
  if (fromEnvironment) return fromEnvironment;
  const file = path.join(root, '.local/auth-jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
