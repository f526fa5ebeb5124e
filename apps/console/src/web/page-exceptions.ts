/** Thrown by guards and handlers; the page filter turns each into its response. */
export class RedirectTo extends Error {
  constructor(readonly location: string) {
    super(`redirect to ${location}`);
  }
}

/** The signed-in user lacks the role a page needs: a 403 page, not a redirect. */
export class PageForbidden extends Error {
  constructor() {
    super('the page needs another role');
  }
}

/** A POST without the session's CSRF token. */
export class CsrfRejected extends Error {
  constructor() {
    super('the form token is missing or wrong');
  }
}

/** The thing a page shows does not exist (or a service answered 404). */
export class PageNotFound extends Error {
  constructor() {
    super('not found');
  }
}

/** Only same-site paths may be returned to after sign-in or a language switch. */
export function localPath(candidate: unknown, fallback = '/'): string {
  if (typeof candidate !== 'string') return fallback;
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) {
    return fallback;
  }
  return candidate;
}
