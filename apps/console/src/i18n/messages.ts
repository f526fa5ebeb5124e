import { en } from './en';
import { id, type MessageKey, type Messages } from './id';

export type { MessageKey, Messages };

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'id';

export function isLanguage(value: unknown): value is Language {
  return value === 'id' || value === 'en';
}

const CATALOGUES: Readonly<Record<Language, Messages>> = { id, en };

export type MessageParams = Readonly<Record<string, string | number>>;

/** Looks a message up and fills its named `{parameters}`; a missing parameter is a bug. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`message parameter {${name}} not given`);
    return String(value);
  });
}

export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  return (key, params) => interpolate(catalogue[key], params);
}

/** A message key built from a service's code (`code.CLAIM_ALREADY_DECIDED`), when we have one. */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(id, key);
}
