import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import {
  AccessTokenError,
  accessTokenVerifier,
  authConfigFromEnvironment,
  jwksAuthConfig,
  type AccessTokenVerifier,
  type AuthConfig,
} from '@santunan/platform';
import type { Request } from 'express';
import { PageForbidden } from '../web/page-exceptions';

/** Verifies the session's access token before the auditor's pages read any store. */
export const AUDITOR_TOKENS = Symbol('AUDITOR_TOKENS');

/**
 * The checks the services make (AUTH_MODE, AUTH_ISSUER_URL, AUTH_JWKS_URL, AUTH_JWT_AUDIENCE, or
 * AUTH_MODE=hs256 for tests) when the console is given them; otherwise the console's own
 * identity provider's keys, audience santunan-api.
 */
export function auditorTokenConfig(
  oidcIssuerUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): AuthConfig {
  const given = (name: string): boolean => (env[name] ?? '').trim() !== '';
  return given('AUTH_MODE') || given('AUTH_ISSUER_URL')
    ? authConfigFromEnvironment(env)
    : jwksAuthConfig({ issuer: oidcIssuerUrl });
}

export function auditorTokens(config: AuthConfig): AccessTokenVerifier {
  return accessTokenVerifier(config);
}

/**
 * The auditor's pages call no service that would check the token: they read the stores
 * themselves. So the console checks it here as a service would — signature against the
 * identity provider's keys, issuer, audience, expiry — and requires the `auditor` role in the
 * verified claims, for the same subject as the session's user. Runs after the console's page
 * guard (signed in, token refreshed, CSRF checked).
 */
@Injectable()
export class AuditorGuard implements CanActivate {
  constructor(@Inject(AUDITOR_TOKENS) private readonly tokens: AccessTokenVerifier) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const request = execution.switchToHttp().getRequest<Request>();
    const token = request.session.tokens?.accessToken;
    const user = request.session.user;
    if (token === undefined || user === undefined) throw new PageForbidden();
    try {
      const actor = await this.tokens.verify(token);
      if (actor.id !== user.id || !(actor.roles ?? []).includes('auditor')) {
        throw new PageForbidden();
      }
    } catch (error) {
      if (error instanceof AccessTokenError) throw new PageForbidden();
      throw error;
    }
    return true;
  }
}
