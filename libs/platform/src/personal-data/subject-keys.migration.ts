import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The key database's only table (one database shared by all services, not a service's own).
 * An erased row keeps its subject id and who erased it, with the key set to null.
 */
export class SubjectKeys1764000200000 implements MigrationInterface {
  readonly name = 'SubjectKeys1764000200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table subject_keys (
        subject_id     text primary key,
        key            bytea null,
        created_at     timestamptz not null default now(),
        erased_at      timestamptz null,
        erased_by      text null,
        erasure_reason text null,
        constraint subject_keys_key_xor_erased check ((key is null) = (erased_at is not null)),
        constraint subject_keys_key_length check (key is null or octet_length(key) = 32)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table subject_keys');
  }
}

/** The key database's migrations, in order. */
export const KEY_DATABASE_MIGRATIONS = [SubjectKeys1764000200000];
