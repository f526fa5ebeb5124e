import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ADR 0035: a batch is prepared, then marked instructed. `payout_batches` gains its status, who
 * prepared it and the bank's reference; who instructed it is null until someone marks it. A
 * batch recorded before (prepared and instructed at once) stays `instructed`.
 */
export class BankBatchLifecycle1765152000000 implements MigrationInterface {
  readonly name = 'BankBatchLifecycle1765152000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      alter table payout_batches
        add column status         text not null default 'instructed',
        add column prepared_by    text,
        add column prepared_on    text,
        add column bank_reference text,
        alter column instructed_by drop not null,
        alter column instructed_on drop not null`);
    await runner.query('alter table payout_batches alter column status drop default');
    await runner.query(
      'update payout_batches set prepared_on = instructed_on where prepared_on is null',
    );
    await runner.query('alter table payout_batches alter column prepared_on set not null');
    await runner.query(
      'create index payout_batches_newest on payout_batches (prepared_on desc, file_name desc)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop index if exists payout_batches_newest');
    await runner.query(`delete from payout_batches where status = 'prepared'`);
    await runner.query(`
      alter table payout_batches
        drop column status, drop column prepared_by, drop column prepared_on,
        drop column bank_reference,
        alter column instructed_by set not null,
        alter column instructed_on set not null`);
  }
}
