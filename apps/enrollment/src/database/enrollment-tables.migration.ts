import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The enrollment service's own tables beside the platform's (events, outbox, checkpoints,
 * inbox): the NIK index of the write side, the participant read model, and bulk jobs.
 */
export class EnrollmentTables1764200000000 implements MigrationInterface {
  readonly name = 'EnrollmentTables1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    // NIK → participant, as a keyed hash: written with the registration, never in clear.
    await runner.query(`
      create table participant_nik_index (
        nik_hmac       bytea primary key,
        participant_id uuid not null unique
      )`);

    // Read model (projection participant-view). Personal fields stay sealed as in the events
    // and are opened at read time, so erasing a participant's key reaches this table too.
    await runner.query(`
      create table participant_view (
        participant_id uuid primary key,
        status         text not null check (status in ('active', 'deceased')),
        nik            jsonb not null,
        full_name      jsonb not null,
        address_line   jsonb not null,
        phone          jsonb not null,
        regency_code   text not null,
        birth_date     text not null,
        sex            text not null,
        occupation     text not null,
        membership     jsonb not null,
        income_history jsonb not null,
        declared_income bigint not null,
        heirs          jsonb not null,
        children       jsonb not null,
        date_of_death  text,
        registered_at  text not null,
        registered_by  text not null,
        updated_at     text not null,
        version        integer not null
      )`);
    await runner.query(
      'create index participant_view_by_regency on participant_view (regency_code, participant_id)',
    );
    await runner.query(`
      create table participant_name_tokens (
        token_hmac     bytea not null,
        participant_id uuid not null,
        primary key (token_hmac, participant_id)
      )`);
    await runner.query(
      'create index participant_name_tokens_by_participant on participant_name_tokens (participant_id)',
    );

    // Bulk enrollment jobs: the uploaded file, where processing stands, and what went wrong.
    await runner.query(`
      create table enrollment_jobs (
        job_id           uuid primary key,
        program_id       text not null,
        uploaded_by      jsonb not null,
        correlation_id   text not null,
        file_name        text,
        income_effective_from text not null,
        state            text not null
                           check (state in ('receiving', 'queued', 'running', 'completed', 'failed')),
        total_rows       integer,
        file_bytes       bigint not null default 0,
        file_sha256      text,
        rows_read        integer not null default 0,
        enrolled         integer not null default 0,
        already_enrolled integer not null default 0,
        rejected         integer not null default 0,
        failure          text,
        created_at       timestamptz not null default now(),
        updated_at       timestamptz not null default now(),
        started_at       timestamptz,
        finished_at      timestamptz
      )`);
    await runner.query(
      `create index enrollment_jobs_unfinished on enrollment_jobs (created_at)
        where state in ('receiving', 'queued', 'running')`,
    );
    await runner.query(`
      create table enrollment_job_file_chunks (
        job_id   uuid not null references enrollment_jobs on delete cascade,
        chunk_no integer not null,
        bytes    bytea not null,
        primary key (job_id, chunk_no)
      )`);
    await runner.query(`
      create table enrollment_job_problems (
        job_id     uuid not null references enrollment_jobs on delete cascade,
        row_number integer not null,
        seq        smallint not null,
        field      text not null,
        code       text not null,
        reason     text not null,
        details    jsonb,
        primary key (job_id, row_number, seq)
      )`);
    // The NIKs a job has seen (keyed hashes), to report duplicates inside one file.
    await runner.query(`
      create table enrollment_job_niks (
        job_id     uuid not null references enrollment_jobs on delete cascade,
        nik_hmac   bytea not null,
        row_number integer not null,
        primary key (job_id, nik_hmac)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'enrollment_job_niks',
      'enrollment_job_problems',
      'enrollment_job_file_chunks',
      'enrollment_jobs',
      'participant_name_tokens',
      'participant_view',
      'participant_nik_index',
    ]) {
      await runner.query(`drop table ${table}`);
    }
  }
}
