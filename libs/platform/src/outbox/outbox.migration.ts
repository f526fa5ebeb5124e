import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages waiting for the relay, written in the same transaction as their events. The
 * relay deletes a row only after Kafka acknowledged it, so a crash duplicates, never loses.
 */
export class Outbox1764000000100 implements MigrationInterface {
  readonly name = 'Outbox1764000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table outbox (
        id                    bigint generated always as identity primary key,
        event_global_position bigint not null,
        event_id              uuid not null,
        topic                 text not null,
        message_key           text not null,
        payload               text not null,
        headers               jsonb not null
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table outbox');
  }
}

/**
 * When each row was queued: the age of the oldest row is the relay's delay (metrics, ADR 0029).
 * The database's time, not the service's clock, which a simulation moves (ADR 0016).
 */
export class OutboxEnqueuedAt1764500000000 implements MigrationInterface {
  readonly name = 'OutboxEnqueuedAt1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    // A non-volatile default: PostgreSQL adds the column without rewriting the table.
    await runner.query(
      'alter table outbox add column enqueued_at timestamptz not null default now()',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('alter table outbox drop column enqueued_at');
  }
}

/** The channel a committed outbox insert is announced on; the leading relay listens on it. */
export const OUTBOX_CHANNEL = 'santunan_outbox';

/**
 * Wakes the relay when rows are committed instead of leaving them until its next poll (ADR 0031).
 * Statement-level: one notification per inserting statement, whatever its row count, and
 * PostgreSQL folds identical notifications of one transaction into one. Delivered only at
 * commit, so the relay never wakes for rows it cannot see yet.
 */
export class OutboxNotify1765100000000 implements MigrationInterface {
  readonly name = 'OutboxNotify1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create function outbox_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('${OUTBOX_CHANNEL}', '');
        return null;
      end $$`);
    await runner.query(`
      create trigger outbox_notify after insert on outbox
        for each statement execute function outbox_notify()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop trigger outbox_notify on outbox');
    await runner.query('drop function outbox_notify()');
  }
}
