import { randomBytes } from 'node:crypto';
import type { PlatformDatabase } from '../database/platform-database';
import {
  SUBJECT_KEY_BYTES,
  type SubjectErasure,
  type SubjectKey,
  type SubjectKeyStore,
} from './subject-key-store';

/** Other processes drop their cached key when this fires (see SubjectKeyErasureListener). */
export const SUBJECT_KEY_ERASED_CHANNEL = 'santunan_subject_key_erased';

interface SubjectKeyRow {
  key: Buffer | null;
  erased_at: Date | null;
}

function subjectKeyOf(row: SubjectKeyRow): SubjectKey {
  if (row.key !== null) return { state: 'active', key: row.key };
  return { state: 'erased', erasedAt: (row.erased_at ?? new Date(0)).toISOString() };
}

/** Keys in the shared key database (`KEY_DATABASE_MIGRATIONS`). */
export class PostgresSubjectKeyStore implements SubjectKeyStore {
  constructor(private readonly keyDatabase: PlatformDatabase) {}

  async obtain(subjectId: string): Promise<SubjectKey> {
    // Insert-or-keep, then read: two services creating the same subject's key agree on one.
    await this.keyDatabase.query(
      'insert into subject_keys (subject_id, key) values ($1, $2) on conflict (subject_id) do nothing',
      [subjectId, randomBytes(SUBJECT_KEY_BYTES)],
    );
    const key = await this.find(subjectId);
    if (key === undefined)
      throw new Error(`subject key for ${subjectId} vanished right after it was created`);
    return key;
  }

  async find(subjectId: string): Promise<SubjectKey | undefined> {
    const [row] = await this.keyDatabase.query<SubjectKeyRow>(
      'select key, erased_at from subject_keys where subject_id = $1',
      [subjectId],
    );
    return row === undefined ? undefined : subjectKeyOf(row);
  }

  /**
   * One primary-key probe per subject (lateral over the wanted ids), so the plan does not
   * depend on the table's statistics: a bulk job or a replay asks for a page of subjects.
   */
  async findMany(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    const found = new Map<string, SubjectKey>();
    if (subjectIds.length === 0) return found;
    const rows = await this.keyDatabase.query<SubjectKeyRow & { subject_id: string }>(
      `select k.subject_id, k.key, k.erased_at
         from unnest($1::text[]) as wanted(subject_id)
        cross join lateral (
          select subject_id, key, erased_at from subject_keys
           where subject_keys.subject_id = wanted.subject_id) as k`,
      [[...new Set(subjectIds)]],
    );
    for (const row of rows) found.set(row.subject_id, subjectKeyOf(row));
    return found;
  }

  /**
   * As `obtain` for each subject (insert-or-keep, then read), in one statement: the keys it
   * created come back from the insert, the ones that were there from a read of the same
   * statement's snapshot. A key another process creates meanwhile is in neither (its insert
   * committed after the snapshot): those few are read once more.
   */
  async obtainMany(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    // Inserted in one order everywhere: two processes creating overlapping pages in different
    // orders would each wait for a row the other inserted first (a deadlock PostgreSQL breaks
    // by failing one of them). In subject order, the later one waits, then keeps the keys.
    const distinct = [...new Set(subjectIds)].sort();
    const found = new Map<string, SubjectKey>();
    if (distinct.length === 0) return found;
    const rows = await this.keyDatabase.query<SubjectKeyRow & { subject_id: string }>(
      `with wanted as (
         select s as subject_id, decode(k, 'hex') as key from unnest($1::text[], $2::text[]) as n(s, k)
       ), created as (
         insert into subject_keys (subject_id, key) select subject_id, key from wanted
         on conflict (subject_id) do nothing
         returning subject_id, key, erased_at)
       select subject_id, key, erased_at from created
       union all
       select k.subject_id, k.key, k.erased_at from wanted
        cross join lateral (
          select subject_id, key, erased_at from subject_keys
           where subject_keys.subject_id = wanted.subject_id) as k`,
      [distinct, distinct.map(() => randomBytes(SUBJECT_KEY_BYTES).toString('hex'))],
    );
    for (const row of rows) found.set(row.subject_id, subjectKeyOf(row));
    const raced = distinct.filter((subjectId) => !found.has(subjectId));
    if (raced.length > 0) {
      for (const [subjectId, key] of await this.findMany(raced)) found.set(subjectId, key);
      const vanished = raced.find((subjectId) => !found.has(subjectId));
      if (vanished !== undefined)
        throw new Error(`subject key for ${vanished} vanished right after it was created`);
    }
    return found;
  }

  async erase(subjectId: string, erasure: SubjectErasure): Promise<void> {
    if (erasure.reason.trim() === '') throw new Error('an erasure needs a reason');
    await this.keyDatabase.transaction(async (tx) => {
      // A subject never seen before gets an erased row too, so no key can be created later.
      await tx.query(
        `insert into subject_keys (subject_id, key, erased_at, erased_by, erasure_reason)
         values ($1, null, now(), $2, $3)
         on conflict (subject_id) do update
           set key = null, erased_at = now(), erased_by = excluded.erased_by, erasure_reason = excluded.erasure_reason
           where subject_keys.erased_at is null`,
        [subjectId, erasure.actor.id, erasure.reason],
      );
      // Delivered on commit only, so listeners never evict for an erasure that rolled back.
      await tx.query('select pg_notify($1, $2)', [SUBJECT_KEY_ERASED_CHANNEL, subjectId]);
    });
  }
}
