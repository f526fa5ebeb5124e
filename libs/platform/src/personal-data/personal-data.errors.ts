/** A stored personal field failed authentication: altered ciphertext, nonce, tag, subject or field. */
export class PersonalDataIntegrityError extends Error {
  constructor(
    readonly subjectId: string,
    readonly field: string,
    reason: string,
  ) {
    super(
      `personal field "${field}" of subject ${subjectId} failed its integrity check: ${reason}`,
    );
    this.name = 'PersonalDataIntegrityError';
  }
}

/** New personal data for a subject whose key was erased: erasure is final, so this is refused. */
export class SubjectErasedError extends Error {
  constructor(readonly subjectId: string) {
    super(`subject ${subjectId} has been erased; no personal data can be stored for it`);
    this.name = 'SubjectErasedError';
  }
}

/**
 * Ciphertext for a subject the key store has never seen. Erasure keeps the row, so this means
 * a misconfigured key database, not an erased subject; it fails loudly instead of redacting.
 */
export class SubjectKeyNotFoundError extends Error {
  constructor(readonly subjectId: string) {
    super(`no key for subject ${subjectId} in the key store (wrong key database?)`);
    this.name = 'SubjectKeyNotFoundError';
  }
}
