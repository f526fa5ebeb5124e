import { hasMessage, type Translate } from '../i18n/messages';

/** A service's value (`spouse`, `female`) in the user's language; the value itself if unknown. */
export function label(t: Translate, prefix: string, value: string): string {
  const key = `enrollment.${prefix}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

export function participantPath(participantId: string, rest = ''): string {
  return `/enrollment/participants/${encodeURIComponent(participantId)}${rest}`;
}
