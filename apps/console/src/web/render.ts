import type { Response } from 'express';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

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

/** POST → 303 → GET: a reload never sends the form again. */
export function seeOther(response: Response, location: string): void {
  response.redirect(303, location);
}
