import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { REDACTED, isEncryptedField, type EncryptedField, type Redacted } from './encrypted-field';
import {
  PersonalDataIntegrityError,
  SubjectErasedError,
  SubjectKeyNotFoundError,
} from './personal-data.errors';
import type { SubjectErasure, SubjectKey, SubjectKeyStore } from './subject-key-store';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface PersonalDataCipherOptions {
  /**
   * How long an active key may be served from memory. The erasure listener evicts at once;
   * this bounds the staleness if its notifications are lost. Erasures are cached for good.
   */
  readonly keyCacheTtlMs?: number;
  readonly maxCachedKeys?: number;
  readonly clock?: () => number;
}

interface CachedKey {
  readonly key: SubjectKey;
  readonly loadedAt: number;
}

/**
 * Encrypts personal fields with the subject's own key (AES-256-GCM) so that erasing that key
 * (crypto-shredding) makes every copy unreadable — in every service's store, on every topic,
 * in every backup — without rewriting a single stored event.
 */
export class PersonalDataCipher {
  private readonly cache = new Map<string, CachedKey>();
  private readonly ttlMs: number;
  private readonly maxCachedKeys: number;
  private readonly clock: () => number;
  /** Bumped on every eviction: a key load that started before one must not refill the cache. */
  private generation = 0;

  constructor(
    private readonly keys: SubjectKeyStore,
    options: PersonalDataCipherOptions = {},
  ) {
    this.ttlMs = options.keyCacheTtlMs ?? 5 * 60_000;
    this.maxCachedKeys = options.maxCachedKeys ?? 10_000;
    this.clock = options.clock ?? Date.now;
  }

  /** Encrypts each field (path → plain text) for the subject, creating its key on first use. */
  async encrypt(
    subjectId: string,
    fields: Readonly<Record<string, string>>,
  ): Promise<Record<string, EncryptedField>> {
    const key = await this.keyFor(subjectId, 'obtain');
    if (key?.state !== 'active') throw new SubjectErasedError(subjectId);
    const encrypted: Record<string, EncryptedField> = {};
    for (const [field, plain] of Object.entries(fields)) {
      encrypted[field] = seal(key.key, subjectId, field, plain);
    }
    return encrypted;
  }

  /**
   * The plain text, or `REDACTED` once the subject is erased. `expectedField` additionally
   * checks the value sits where it was encrypted for (a value copied onto another field fails).
   */
  async decrypt(value: unknown, expectedField?: string): Promise<string | Redacted> {
    if (!isEncryptedField(value))
      throw new TypeError('not an encrypted personal field ({ "$pii": 1, ... })');
    if (expectedField !== undefined && value.field !== expectedField) {
      throw new PersonalDataIntegrityError(
        value.subject,
        expectedField,
        `it was encrypted for "${value.field}"`,
      );
    }
    const key = await this.keyFor(value.subject, 'find');
    if (key === undefined) throw new SubjectKeyNotFoundError(value.subject);
    if (key.state === 'erased') return REDACTED;
    return open(key.key, value);
  }

  /**
   * Loads the keys of many subjects at once, ahead of encrypting or decrypting their fields,
   * so a bulk job or a replay costs one round trip a page instead of one a subject. Keys
   * already cached and fresh are not asked for; `obtain` creates missing keys as `encrypt`
   * would. Unknown subjects (mode `find`) are left to `decrypt`, which reports them.
   */
  async prepareKeys(subjectIds: Iterable<string>, mode: 'obtain' | 'find' = 'find'): Promise<void> {
    const now = this.clock();
    const wanted = [...new Set(subjectIds)].filter((subjectId) => {
      const cached = this.cache.get(subjectId);
      return !(cached && (cached.key.state === 'erased' || now - cached.loadedAt < this.ttlMs));
    });
    if (wanted.length === 0) return;
    const generation = this.generation;
    const keys = await this.loadMany(wanted, mode);
    // An eviction meanwhile (an erasure elsewhere) makes this load stale: let each call ask.
    if (generation !== this.generation) return;
    for (const [subjectId, key] of keys) if (key !== undefined) this.remember(subjectId, key);
  }

  private async loadMany(
    subjectIds: readonly string[],
    mode: 'obtain' | 'find',
  ): Promise<Map<string, SubjectKey | undefined>> {
    if (mode === 'obtain' && this.keys.obtainMany) return this.keys.obtainMany(subjectIds);
    if (mode === 'find' && this.keys.findMany) return this.keys.findMany(subjectIds);
    // A store without batch lookups: one subject at a time, as encrypt and decrypt would.
    return new Map(
      await Promise.all(
        subjectIds.map(
          async (subjectId) =>
            [
              subjectId,
              mode === 'obtain'
                ? await this.keys.obtain(subjectId)
                : await this.keys.find(subjectId),
            ] as const,
        ),
      ),
    );
  }

  async erase(subjectId: string, erasure: SubjectErasure): Promise<void> {
    await this.keys.erase(subjectId, erasure);
    this.forget(subjectId);
  }

  /** Drops a cached key (another process erased it). */
  forget(subjectId: string): void {
    this.generation += 1;
    this.cache.delete(subjectId);
  }

  forgetAll(): void {
    this.generation += 1;
    this.cache.clear();
  }

  private async keyFor(
    subjectId: string,
    mode: 'obtain' | 'find',
  ): Promise<SubjectKey | undefined> {
    const cached = this.cache.get(subjectId);
    if (cached && (cached.key.state === 'erased' || this.clock() - cached.loadedAt < this.ttlMs)) {
      return cached.key;
    }
    const generation = this.generation;
    const key =
      mode === 'obtain' ? await this.keys.obtain(subjectId) : await this.keys.find(subjectId);
    if (key !== undefined && generation === this.generation) this.remember(subjectId, key);
    return key;
  }

  private remember(subjectId: string, key: SubjectKey): void {
    this.cache.delete(subjectId);
    this.cache.set(subjectId, { key, loadedAt: this.clock() });
    // Map iteration is insertion order: the first entry is the least recently loaded.
    while (this.cache.size > this.maxCachedKeys) {
      const oldest = this.cache.keys().next();
      if (oldest.done === true) break;
      this.cache.delete(oldest.value);
    }
  }
}

/** Binds subject and field into the tag, so a ciphertext cannot be moved to another person or field. */
function associatedData(subjectId: string, field: string): Buffer {
  return Buffer.from(JSON.stringify(['santunan-pii', 1, subjectId, field]), 'utf8');
}

function seal(key: Buffer, subjectId: string, field: string, plain: string): EncryptedField {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(subjectId, field));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    $pii: 1,
    subject: subjectId,
    field,
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

function open(key: Buffer, value: EncryptedField): string {
  const iv = Buffer.from(value.iv, 'base64');
  const tag = Buffer.from(value.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new PersonalDataIntegrityError(value.subject, value.field, 'malformed nonce or tag');
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(value.subject, value.field));
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(Buffer.from(value.ct, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new PersonalDataIntegrityError(
      value.subject,
      value.field,
      'authentication failed (ciphertext, nonce, tag, subject or field was altered)',
    );
  }
}
