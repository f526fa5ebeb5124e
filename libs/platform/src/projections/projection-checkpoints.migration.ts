import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How far each projection has applied the event store, as a (transaction id, position) pair. */
export class ProjectionCheckpoints1764000000200 implements MigrationInterface {
  readonly name = 'ProjectionCheckpoints1764000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table projection_checkpoints (
        name            text primary key,
        transaction_id  xid8 not null,
        global_position bigint not null
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table projection_checkpoints');
  }
}

export const projectionMigrations = [ProjectionCheckpoints1764000000200];
