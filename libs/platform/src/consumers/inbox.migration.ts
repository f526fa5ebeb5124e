import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A service database's inbox: one row per event a consumer has dealt with, written in the
 * same transaction as the side effect, so a redelivered event is recognised and not applied
 * twice. `outcome` tells applied events from skipped ones (types the consumer does not handle).
 */
export class ConsumerInbox1764000100000 implements MigrationInterface {
  readonly name = 'ConsumerInbox1764000100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table inbox (
        consumer_name text not null,
        event_id      text not null,
        event_type    text not null,
        outcome       text not null check (outcome in ('applied', 'skipped')),
        processed_at  timestamptz not null default now(),
        topic         text not null,
        partition     integer not null,
        "offset"      bigint not null,
        primary key (consumer_name, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table inbox');
  }
}
