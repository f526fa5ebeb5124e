/**
 * The stored form of one personal field. Self-describing, so any reader (another service,
 * the auditor, a DLQ tool) can find and decrypt it without knowing the event's schema.
 */
export interface EncryptedField {
  /** Format version of this shape. */
  readonly $pii: 1;
  readonly subject: string;
  /** The field path it was encrypted for; bound into the authentication tag. */
  readonly field: string;
  /** base64 of the 96-bit GCM nonce, fresh for every value. */
  readonly iv: string;
  readonly ct: string;
  /** base64 of the 128-bit GCM authentication tag. */
  readonly tag: string;
}

/** What a personal field reads as once its subject's key is erased. */
/**
 * A published payload as it travels: the named top-level personal fields are sealed
 * (EncryptedField) instead of plain. Nested personal fields (an address line, heirs' names)
 * keep their contract type; a consumer that reads them decrypts them with the cipher.
 */
export type Sealed<T, K extends keyof T> = Omit<T, K> & {
  readonly [P in keyof Pick<T, K>]: EncryptedField;
};

export interface Redacted {
  readonly redacted: true;
}

export const REDACTED: Redacted = Object.freeze({ redacted: true });

export function isRedacted(value: unknown): value is Redacted {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { redacted?: unknown }).redacted === true
  );
}

export function isEncryptedField(value: unknown): value is EncryptedField {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    candidate['$pii'] === 1 &&
    ['subject', 'field', 'iv', 'ct', 'tag'].every((member) => typeof candidate[member] === 'string')
  );
}
