import type { Request, Response } from 'express';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { FormState } from './form-state';
import { keepForm } from './page-context';

/**
 * Renders a page on the server. preact-render-to-string escapes every text and attribute
 * value, so whatever a service or a user typed is shown as text, never run as markup.
 */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${render(page)}`;
}

export function sendPage(response: Response, page: VNode, status = 200): void {
  response
    .status(status)
    .type('html')
    .setHeader('Cache-Control', 'no-store')
    .send(renderDocument(page));
}

/**
 * POST → 303 → GET: a reload never sends the form again. The session (a notice, a kept form)
 * is saved first: express-session would send the 303's headers and save afterwards, and the
 * browser, following the redirect at once, could read the session as it was before the POST.
 */
export async function seeOther(
  request: Request,
  response: Response,
  location: string,
): Promise<void> {
  await saveSession(request);
  response.redirect(303, location);
}

/** A refused form: its values and errors kept under `key`, then 303 back to `formUrl` to show them. */
export async function backToForm(
  request: Request,
  response: Response,
  key: string,
  state: FormState,
  formUrl: string,
): Promise<void> {
  keepForm(request, key, state);
  await seeOther(request, response, formUrl);
}

export function saveSession(request: Request): Promise<void> {
  const session = request.session as Request['session'] | undefined;
  if (session === undefined) return Promise.resolve();
  return new Promise((resolve, reject) =>
    session.save((error: unknown) => {
      if (error === undefined || error === null) resolve();
      else reject(error instanceof Error ? error : new Error('the session could not be saved'));
    }),
  );
}
