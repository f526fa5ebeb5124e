/** What a form sent and what was wrong with it, kept to show the form again after a redirect. */
export interface FormState {
  readonly values: Readonly<Record<string, string>>;
  /** Field name (as in the form, e.g. `claimant.fullName`) → messages to show beside it. */
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
  /** A message for the whole form (a service's refusal that is no one field's fault). */
  readonly formError: string | null;
}

export const EMPTY_FORM: FormState = { values: {}, fieldErrors: {}, formError: null };

/** A urlencoded body's text fields: repeated fields keep their last value, files are ignored. */
export function textFields(body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null) return {};
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name === '_csrf') continue;
    if (typeof value === 'string') fields[name] = value;
    else if (Array.isArray(value)) {
      const last = value.filter((item): item is string => typeof item === 'string').pop();
      if (last !== undefined) fields[name] = last;
    }
  }
  return fields;
}

/** All values of a repeated field (checkboxes). */
export function repeatedField(body: unknown, name: string): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const value = (body as Record<string, unknown>)[name];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}
