import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { SignedInUser } from '../auth/session-user';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  translator,
  type Language,
  type Translate,
} from '../i18n/messages';
import { newCsrfToken } from './csrf';
import { EMPTY_FORM, type FormState } from './form-state';

export const LANGUAGE_COOKIE = 'lang';

/** What every page needs to render: language, the user, the form token, where it is. */
export interface PageContext {
  readonly lang: Language;
  readonly t: Translate;
  readonly user: SignedInUser | null;
  readonly csrfToken: string;
  /** The path and query of this page, to come back to (language switch). */
  readonly path: string;
  readonly notice: { readonly kind: 'success' | 'error'; readonly text: string } | null;
}

/** A page behind sign-in: the guard has made sure of the user and a fresh access token. */
export interface SignedInContext extends PageContext {
  readonly user: SignedInUser;
  readonly accessToken: string;
}

/** `lang` from the Cookie header; Bahasa Indonesia unless English was chosen. */
export function languageOf(cookieHeader: string | undefined): Language {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === LANGUAGE_COOKIE) {
      const value = decodeURIComponent(rest.join('='));
      if (isLanguage(value)) return value;
    }
  }
  return DEFAULT_LANGUAGE;
}

export function pageContextOf(request: Request): PageContext {
  const lang = languageOf(request.headers.cookie);
  const session = request.session as Request['session'] | undefined;
  let csrfToken = session?.csrfToken;
  // Only a signed-in user has forms to send; an anonymous visit creates no session row.
  if (session?.user !== undefined && csrfToken === undefined) {
    csrfToken = newCsrfToken();
    session.csrfToken = csrfToken;
  }
  const notice = session?.notice ?? null;
  if (session?.notice !== undefined) delete session.notice;
  return {
    lang,
    t: translator(lang),
    user: session?.user ?? null,
    csrfToken: csrfToken ?? '',
    path: request.originalUrl,
    notice,
  };
}

export function signedInContextOf(request: Request): SignedInContext {
  const context = pageContextOf(request);
  const tokens = request.session.tokens;
  if (context.user === null || tokens === undefined) {
    throw new Error('a signed-in page ran without a signed-in user (is the guard in place?)');
  }
  return { ...context, user: context.user, accessToken: tokens.accessToken };
}

/** `@Page() page: SignedInContext` in a controller behind sign-in. */
export const Page = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): SignedInContext =>
    signedInContextOf(execution.switchToHttp().getRequest<Request>()),
);

/** `@PublicContext() page: PageContext` on a public page (no user needed). */
export const PublicContext = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): PageContext =>
    pageContextOf(execution.switchToHttp().getRequest<Request>()),
);

/** Keeps a form's values and errors for the GET after the redirect. */
export function keepForm(request: Request, key: string, state: FormState): void {
  request.session.forms = { ...(request.session.forms ?? {}), [key]: state };
}

/** A form's kept state, read once (a reload shows a clean form). */
export function takeForm(request: Request, key: string): FormState {
  const state = request.session.forms?.[key];
  if (state === undefined) return EMPTY_FORM;
  const { [key]: _taken, ...rest } = request.session.forms ?? {};
  request.session.forms = rest;
  return state;
}

export function notify(request: Request, kind: 'success' | 'error', text: string): void {
  request.session.notice = { kind, text };
}
