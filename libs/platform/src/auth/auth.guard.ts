import {
  Inject,
  Injectable,
  Optional,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '../event-store/envelope';
import { defaultLogger, type PlatformLogger } from '../observability/logger';
import { PLATFORM_LOGGER } from '../observability/observability.module';
import { AccessTokenError } from './access-token';
import { SigningKeysUnavailableError, type AccessTokenVerifier } from './access-token-verifier';
import { PUBLIC_METADATA, ROLES_METADATA, attachActor } from './auth.decorators';
import { roleForbidden, signingKeysUnavailable, tokenMissing, tokenRefused } from './auth-problems';
import type { Role } from './roles';

export const AUTH_CONFIG = Symbol('santunan:auth-config');
export const ACCESS_TOKEN_VERIFIER = Symbol('santunan:access-token-verifier');

/**
 * Authenticates every HTTP request with a bearer token (unless `@Public()`), then checks
 * `@Roles(...)`. Installed globally by `AuthModule`, so a new route is protected by default.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger: PlatformLogger;

  constructor(
    @Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier,
    private readonly reflector: Reflector,
    @Optional() @Inject(PLATFORM_LOGGER) logger?: PlatformLogger,
  ) {
    this.logger = (logger ?? defaultLogger()).child({ component: 'auth' });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Events come through the broker, which authenticates its clients; no bearer token there.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(
      PUBLIC_METADATA,
      targets,
    );
    if (isPublic === true) return true;

    const request: unknown = context.switchToHttp().getRequest();
    if (typeof request !== 'object' || request === null) throw tokenMissing();
    const token = bearerToken(request);
    if (token === undefined) throw tokenMissing();

    const actor = await this.authenticate(token);

    const required =
      this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_METADATA, targets) ?? [];
    const held = new Set(actor.roles ?? []);
    if (required.length > 0 && !required.some((role) => held.has(role))) {
      throw roleForbidden(required);
    }

    attachActor(request, actor);
    return true;
  }

  private async authenticate(token: string): Promise<Actor> {
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof AccessTokenError) throw tokenRefused(error);
      if (error instanceof SigningKeysUnavailableError) {
        this.logger.warn({ err: error }, 'signing keys unavailable');
        throw signingKeysUnavailable();
      }
      throw error;
    }
  }
}

function bearerToken(request: object): string | undefined {
  const headers = 'headers' in request ? request.headers : undefined;
  if (typeof headers !== 'object' || headers === null || !('authorization' in headers)) {
    return undefined;
  }
  const header = headers.authorization;
  if (typeof header !== 'string') return undefined;
  // Another scheme (Basic) counts as no bearer token; a garbled bearer token is refused later.
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1]?.trim();
}
