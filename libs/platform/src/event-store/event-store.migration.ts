import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  Outbox1764000000100,
  OutboxEnqueuedAt1764500000000,
  OutboxNotify1765100000000,
} from '../outbox/outbox.migration';

/**
 * The events table. Hand-written SQL: TypeORM cannot describe xid8.
 *
 * - `transaction_id` records the writing transaction so readers can stay behind the
 *   horizon of transactions still in flight (ADR 0004).
 * - `occurred_at_iso` / `recorded_at_iso` keep the exact ISO strings the hash covers;
 *   timestamptz drops sub-millisecond digits and the offset. The timestamptz columns are
 *   for range queries ("as of"), and verification checks they agree with the text.
 */
export class EventStore1764000000000 implements MigrationInterface {
  readonly name = 'EventStore1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table events (
        global_position bigint generated always as identity primary key,
        transaction_id  xid8 not null default pg_current_xact_id(),
        event_id        uuid not null,
        stream_id       text not null,
        stream_type     text not null,
        version         integer not null check (version > 0),
        type            text not null,
        schema_version  integer not null check (schema_version > 0),
        data            jsonb not null,
        metadata        jsonb not null,
        occurred_at     timestamptz not null,
        occurred_at_iso text not null,
        recorded_at     timestamptz not null,
        recorded_at_iso text not null,
        previous_hash   text null,
        hash            text not null,
        constraint events_event_id_unique unique (event_id),
        constraint events_stream_version_unique unique (stream_id, version)
      )`);
    // readAll walks (transaction_id, global_position) behind the snapshot horizon.
    await runner.query(
      'create index events_transaction_position on events (transaction_id, global_position)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table events');
  }
}

/** The tables EventStore.append writes, in order: the events and their outbox. */
export const eventStoreMigrations = [
  EventStore1764000000000,
  Outbox1764000000100,
  OutboxEnqueuedAt1764500000000,
  OutboxNotify1765100000000,
];
