import { randomBytes } from 'node:crypto';
import {
  SUBJECT_KEY_BYTES,
  type PlatformDatabase,
  type SubjectErasure,
  type SubjectKey,
  type SubjectKeyStore,
} from '@santunan/platform';

/**
 * Creates the personal-data keys of a whole batch of new participants in one statement, where
 * the platform's store creates one key per call (an insert and a select each: for 250 new
 * workers, 500 round trips to the key database — the largest cost of a batch, measured).
 *
 * It writes `subject_keys` exactly as PostgresSubjectKeyStore.obtain does (insert-or-keep,
 * then read), so both agree on a key; everything else is the platform store's. Only the bulk
 * job's own cipher uses it, and only for participants the batch is creating.
 * The proper home is the platform (`SubjectKeyStore.obtainMany`); see ADR 0010.
 */
export class BatchSubjectKeys implements SubjectKeyStore {
  private readonly prepared = new Map<string, SubjectKey>();

  constructor(
    private readonly keyDatabase: PlatformDatabase,
    private readonly store: SubjectKeyStore,
  ) {}

  async prepare(subjectIds: readonly string[]): Promise<void> {
    if (subjectIds.length === 0) return;
    const keys = subjectIds.map(() => randomBytes(SUBJECT_KEY_BYTES).toString('hex'));
    await this.keyDatabase.query(
      `insert into subject_keys (subject_id, key)
       select s, decode(k, 'hex') from unnest($1::text[], $2::text[]) as n(s, k)
       on conflict (subject_id) do nothing`,
      [subjectIds, keys],
    );
    const rows = await this.keyDatabase.query<{ subject_id: string; key: Buffer | null }>(
      'select subject_id, key from subject_keys where subject_id = any($1::text[])',
      [subjectIds],
    );
    for (const row of rows) {
      // An erased subject is left to the store, which reports it as the cipher expects.
      if (row.key !== null) this.prepared.set(row.subject_id, { state: 'active', key: row.key });
    }
  }

  async obtain(subjectId: string): Promise<SubjectKey> {
    const key = this.prepared.get(subjectId);
    if (key === undefined) return this.store.obtain(subjectId);
    this.prepared.delete(subjectId);
    return key;
  }

  find(subjectId: string): Promise<SubjectKey | undefined> {
    return this.store.find(subjectId);
  }

  erase(subjectId: string, erasure: SubjectErasure): Promise<void> {
    return this.store.erase(subjectId, erasure);
  }
}
