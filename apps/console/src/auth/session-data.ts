import type { FormState } from '../web/form-state';
import type { SessionTokens, SignedInUser } from './session-user';

/** A sign-in under way: what the callback must see again (RFC 6749 state, OIDC nonce, PKCE). */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly returnTo: string;
}

declare module 'express-session' {
  interface SessionData {
    signIn?: PendingSignIn;
    tokens?: SessionTokens;
    user?: SignedInUser;
    /** The synchronizer token every form carries back. */
    csrfToken?: string;
    /** A form's values and errors across POST → redirect → GET, read once. */
    forms?: Record<string, FormState>;
    /** One message for the next page (after a redirect), read once. */
    notice?: { readonly kind: 'success' | 'error'; readonly text: string };
  }
}
