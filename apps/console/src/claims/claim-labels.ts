import type { Translate } from '../i18n/messages';
import { hasMessage } from '../i18n/messages';

/** A label for a service's enumeration value, or the value itself when we have no words for it. */
export function labelOf(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

export const benefitLabel = (t: Translate, benefitType: string): string =>
  labelOf(t, 'benefit', benefitType);
export const statusLabel = (t: Translate, status: string): string => labelOf(t, 'status', status);
export const documentLabel = (t: Translate, document: string): string =>
  labelOf(t, 'document', document);

/** Claim ids are UUIDs; the first block is enough to tell them apart on a screen. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
