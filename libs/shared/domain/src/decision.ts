/** What a decider returns: the events to append, or a rejection with a stable reason code. */
export interface Rejection<Code extends string = string> {
  readonly code: Code;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Decision<Event, Code extends string = string> =
  | { readonly ok: true; readonly events: readonly Event[] }
  | { readonly ok: false; readonly rejection: Rejection<Code> };

export function accept<Event>(...events: Event[]): Decision<Event, never> {
  return { ok: true, events };
}

export function rejectWith<Code extends string>(
  code: Code,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Decision<never, Code> {
  return { ok: false, rejection: details ? { code, message, details } : { code, message } };
}
