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
