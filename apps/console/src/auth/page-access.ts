import {
  Inject,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@santunan/platform';
import type { Request } from 'express';
import { CSRF_FIELD, csrfTokenMatches } from '../web/csrf';
import { CsrfRejected, PageForbidden, RedirectTo } from '../web/page-exceptions';
import { OidcClient, needsRefresh } from './oidc.client';
import { hasAnyRole, signedInUserFromAccessToken } from './session-user';

const PUBLIC_PAGE = 'console:public-page';
const REQUIRED_ROLES = 'console:required-roles';

/** Open without signing in (health, sign-in itself, the language switch, assets). */
export const PublicPage = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_PAGE, true);

/** The page is for these roles (any of them); others get a 403 page. */
export const RequireRoles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);

function csrfOf(request: Request): unknown {
  const body: unknown = request.body;
  return typeof body === 'object' && body !== null
    ? (body as Record<string, unknown>)[CSRF_FIELD]
    : undefined;
}

/**
 * Every page needs a signed-in user unless marked public: without one, the browser goes to
 * sign in and comes back. The access token is refreshed when near expiry; a failed refresh
 * means signing in again. Every POST must carry the session's CSRF token.
 */
@Injectable()
export class ConsolePageGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(OidcClient) private readonly oidc: OidcClient,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const request = execution.switchToHttp().getRequest<Request>();
    const targets = [execution.getHandler(), execution.getClass()];
    if (
      request.method === 'POST' &&
      !csrfTokenMatches(request.session.csrfToken, csrfOf(request))
    ) {
      throw new CsrfRejected();
    }
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_PAGE, targets)) return true;

    const { session } = request;
    if (session.user === undefined || session.tokens === undefined) {
      throw this.signIn(request);
    }
    if (needsRefresh(session.tokens, Math.floor(Date.now() / 1000))) {
      try {
        session.tokens = await this.oidc.refresh(session.tokens);
        session.user = signedInUserFromAccessToken(session.tokens.accessToken);
      } catch {
        delete session.user;
        delete session.tokens;
        throw this.signIn(request);
      }
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles !== undefined && !hasAnyRole(session.user, roles)) throw new PageForbidden();
    return true;
  }

  /** A GET comes back to itself after signing in; a POST to the page it came from. */
  private signIn(request: Request): RedirectTo {
    // Only the path of the page is kept: the sign-in never returns to another site.
    const back = request.method === 'GET' ? request.originalUrl : (request.get('referer') ?? '/');
    let returnTo = '/';
    try {
      const url = new URL(back, 'http://console.invalid');
      returnTo = `${url.pathname}${url.search}`;
    } catch {
      returnTo = '/';
    }
    return new RedirectTo(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  }
}
