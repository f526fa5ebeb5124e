import { Pool } from 'pg';
import {
  PersonalDataCipher,
  isEncryptedField,
  isRedacted,
  type SubjectKey,
  type SubjectKeyStore,
} from '@santunan/platform';

/**
 * Opens sealed personal fields for the auditor, or masks them. With the key database the
 * fields are decrypted (an erased subject reads `[erased]`); without it every sealed field
 * reads `[personal data: masked]`. The auditor never creates or erases a key.
 */
export interface PersonalDataReader {
  readonly canDecrypt: boolean;
  reveal<T>(value: T): Promise<T>;
  close(): Promise<void>;
}

export const MASKED = '[personal data: masked]';
export const ERASED = '[erased]';

export function maskingReader(): PersonalDataReader {
  return {
    canDecrypt: false,
    reveal: async <T>(value: T) => transform(value, async () => MASKED) as Promise<T>,
    close: async () => undefined,
  };
}

/** Decrypts with the shared key database; falls back to masking if it cannot be reached. */
export async function personalDataReader(
  keysDatabaseUrl: string | null,
): Promise<PersonalDataReader> {
  if (keysDatabaseUrl === null) return maskingReader();
  const pool = new Pool({
    connectionString: keysDatabaseUrl,
    max: 2,
    application_name: 'santunan-audit',
  });
  try {
    await pool.query('select 1 from subject_keys limit 1');
  } catch {
    await pool.end();
    return maskingReader();
  }
  const cipher = new PersonalDataCipher(new ReadOnlyKeyStore(pool));
  return {
    canDecrypt: true,
    reveal: async <T>(value: T) =>
      transform(value, async (sealed) => {
        try {
          const plain = await cipher.decrypt(sealed);
          return isRedacted(plain) ? ERASED : plain;
        } catch (error) {
          return `[undecryptable: ${error instanceof Error ? error.name : 'error'}]`;
        }
      }) as Promise<T>,
    close: () => pool.end(),
  };
}

class ReadOnlyKeyStore implements SubjectKeyStore {
  constructor(private readonly pool: Pool) {}

  obtain(subjectId: string): Promise<SubjectKey> {
    return Promise.reject(new Error(`the auditor never creates keys (asked for ${subjectId})`));
  }

  async find(subjectId: string): Promise<SubjectKey | undefined> {
    const { rows } = await this.pool.query<{ key: Buffer | null; erased_at: Date | null }>(
      'select key, erased_at from subject_keys where subject_id = $1',
      [subjectId],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    if (row.key !== null) return { state: 'active', key: row.key };
    return { state: 'erased', erasedAt: (row.erased_at ?? new Date(0)).toISOString() };
  }

  erase(): Promise<void> {
    return Promise.reject(new Error('the auditor never erases keys'));
  }
}

async function transform(
  node: unknown,
  open: (sealed: unknown) => Promise<string>,
): Promise<unknown> {
  if (isEncryptedField(node)) return open(node);
  if (Array.isArray(node)) return Promise.all(node.map((item) => transform(item, open)));
  if (typeof node === 'object' && node !== null) {
    const entries = await Promise.all(
      Object.entries(node).map(
        async ([key, value]) => [key, await transform(value, open)] as const,
      ),
    );
    return Object.fromEntries(entries);
  }
  return node;
}

/** A cipher over the key database that can only decrypt (for replaying read models that open names). */
export function readOnlyCipher(keysDatabaseUrl: string): {
  cipher: PersonalDataCipher;
  close: () => Promise<void>;
} {
  const pool = new Pool({
    connectionString: keysDatabaseUrl,
    max: 2,
    application_name: 'santunan-audit',
  });
  return { cipher: new PersonalDataCipher(new ReadOnlyKeyStore(pool)), close: () => pool.end() };
}
