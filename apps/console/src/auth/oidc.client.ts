import { Issuer, generators, type Client, type TokenSet } from 'openid-client';
import type { ConsoleConfig } from '../config/console-config';
import type { PendingSignIn } from './session-data';
import type { SessionTokens } from './session-user';

/** Refresh this many seconds before the access token expires, so a service never sees it lapse. */
export const REFRESH_MARGIN_SECONDS = 30;

export function tokensOf(set: TokenSet, previous?: SessionTokens): SessionTokens {
  if (set.access_token === undefined) throw new Error('the token endpoint sent no access token');
  return {
    accessToken: set.access_token,
    refreshToken: set.refresh_token ?? previous?.refreshToken ?? null,
    idToken: set.id_token ?? previous?.idToken ?? null,
    expiresAt: set.expires_at ?? Math.floor(Date.now() / 1000) + 60,
  };
}

export function needsRefresh(tokens: SessionTokens, nowSeconds: number): boolean {
  return tokens.expiresAt - REFRESH_MARGIN_SECONDS <= nowSeconds;
}

/**
 * The console as an OpenID Connect relying party (openid-client): authorization code with
 * PKCE S256, state and nonce. The provider is discovered on first use, not at start, so the
 * console starts (and answers /health/live) while Keycloak is still starting; /health/ready
 * says whether Keycloak answers.
 */
export class OidcClient {
  private client: Promise<Client> | undefined;

  constructor(private readonly config: ConsoleConfig) {}

  get redirectUri(): string {
    return `${this.config.publicUrl}/auth/callback`;
  }

  get postLogoutRedirectUri(): string {
    return `${this.config.publicUrl}/`;
  }

  private async relyingParty(): Promise<Client> {
    this.client ??= Issuer.discover(this.config.oidc.issuerUrl).then(
      (issuer) =>
        new issuer.Client({
          client_id: this.config.oidc.clientId,
          client_secret: this.config.oidc.clientSecret,
          redirect_uris: [this.redirectUri],
          post_logout_redirect_uris: [this.postLogoutRedirectUri],
          response_types: ['code'],
        }),
    );
    try {
      return await this.client;
    } catch (error) {
      this.client = undefined; // try discovery again on the next sign-in
      throw error;
    }
  }

  /** Where to send the browser to sign in, and what the callback must find in the session. */
  async startSignIn(returnTo: string): Promise<{ url: string; pending: PendingSignIn }> {
    const client = await this.relyingParty();
    const pending: PendingSignIn = {
      state: generators.state(),
      nonce: generators.nonce(),
      codeVerifier: generators.codeVerifier(),
      returnTo,
    };
    const url = client.authorizationUrl({
      scope: 'openid profile',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: generators.codeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  /** Exchanges the code (checks state, nonce, the ID token's signature, issuer and audience). */
  async finishSignIn(callbackUrl: string, pending: PendingSignIn): Promise<SessionTokens> {
    const client = await this.relyingParty();
    const params = client.callbackParams(callbackUrl);
    const set = await client.callback(this.redirectUri, params, {
      state: pending.state,
      nonce: pending.nonce,
      code_verifier: pending.codeVerifier,
    });
    return tokensOf(set);
  }

  async refresh(tokens: SessionTokens): Promise<SessionTokens> {
    if (tokens.refreshToken === null) throw new Error('no refresh token');
    const client = await this.relyingParty();
    return tokensOf(await client.refresh(tokens.refreshToken), tokens);
  }

  /** Keycloak's end-session endpoint, so signing out of the console signs out of Keycloak too. */
  async endSessionUrl(idToken: string | null): Promise<string> {
    const client = await this.relyingParty();
    return client.endSessionUrl({
      ...(idToken === null ? { client_id: this.config.oidc.clientId } : { id_token_hint: idToken }),
      post_logout_redirect_uri: this.postLogoutRedirectUri,
    });
  }
}
