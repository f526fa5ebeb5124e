import { Controller, Get, Inject, Optional, Post, Query, Req, Res } from '@nestjs/common';
import { defaultLogger, PLATFORM_LOGGER, type PlatformLogger } from '@santunan/platform';
import type { Request, Response } from 'express';
import { ErrorPage, errorStatus } from '../views/pages';
import { pageContextOf } from '../web/page-context';
import { localPath } from '../web/page-exceptions';
import { saveSession, sendPage } from '../web/render';
import { PeopleDirectory } from '../people/people-directory';
import { OidcClient } from './oidc.client';
import { PublicPage } from './page-access';
import { signedInUserFromAccessToken } from './session-user';

function regenerate(request: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    request.session.regenerate((error: unknown) => (error ? reject(toError(error)) : resolve())),
  );
}

function destroy(request: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    request.session.destroy((error: unknown) => (error ? reject(toError(error)) : resolve())),
  );
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Sign-in through Keycloak (authorization code + PKCE) and sign-out of both. */
@Controller('auth')
@PublicPage()
export class AuthController {
  private readonly logger: PlatformLogger;

  constructor(
    @Inject(OidcClient) private readonly oidc: OidcClient,
    @Inject(PeopleDirectory) private readonly people: PeopleDirectory,
    @Optional() @Inject(PLATFORM_LOGGER) logger?: PlatformLogger,
  ) {
    this.logger = (logger ?? defaultLogger()).child({ component: 'sign-in' });
  }

  @Get('login')
  async login(
    @Req() request: Request,
    @Res() response: Response,
    @Query('returnTo') returnTo: unknown,
  ): Promise<void> {
    try {
      const { url, pending } = await this.oidc.startSignIn(localPath(returnTo));
      request.session.signIn = pending;
      await saveSession(request);
      response.redirect(303, url);
    } catch (error) {
      this.failed(request, response, error);
    }
  }

  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const pending = request.session.signIn;
    if (pending === undefined) {
      // A stale or replayed callback: start again rather than show an error.
      response.redirect(303, '/auth/login');
      return;
    }
    try {
      const tokens = await this.oidc.finishSignIn(request.originalUrl, pending);
      const user = signedInUserFromAccessToken(tokens.accessToken);
      await this.people.remember(user);
      // A new session id at sign-in, so an id planted before it (session fixation) is useless.
      await regenerate(request);
      request.session.tokens = tokens;
      request.session.user = user;
      await saveSession(request);
      response.redirect(303, pending.returnTo);
    } catch (error) {
      delete request.session.signIn;
      this.failed(request, response, error);
    }
  }

  /** Ends the console's session and Keycloak's (RP-initiated logout with id_token_hint). */
  @Post('logout')
  async logout(@Req() request: Request, @Res() response: Response): Promise<void> {
    const idToken = request.session.tokens?.idToken ?? null;
    const signedIn = request.session.user !== undefined;
    await destroy(request);
    response.clearCookie('santunan.sid', { path: '/' });
    if (!signedIn) {
      response.redirect(303, '/');
      return;
    }
    try {
      response.redirect(303, await this.oidc.endSessionUrl(idToken));
    } catch (error) {
      this.logger.warn({ error: toError(error).message }, 'end-session failed');
      response.redirect(303, '/');
    }
  }

  private failed(request: Request, response: Response, error: unknown): void {
    this.logger.warn({ error: toError(error).message }, 'sign-in failed');
    sendPage(
      response,
      ErrorPage({ page: pageContextOf(request), kind: 'signInFailed' }),
      errorStatus('signInFailed'),
    );
  }
}
