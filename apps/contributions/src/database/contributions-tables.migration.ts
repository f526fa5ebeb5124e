import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contributions service's own tables beside the platform's (events, outbox, checkpoints,
 * inbox): write-side indexes committed with the events, read models kept by projections,
 * and the scheduler's and process manager's records.
 */
export class ContributionsTables1764300000000 implements MigrationInterface {
  readonly name = 'ContributionsTables1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    // Written with SponsorProgramOpened: who operates a program, and its coverage months for
    // the scheduler's statement runs.
    await runner.query(`
      create table sponsor_programs (
        program_id   text primary key,
        operator_ids text[] not null,
        first_month  text not null,
        last_month   text not null,
        opened_by    text not null
      )`);
    // Written with ContributionAccountOpened: the accounts the scheduler bills and closes.
    await runner.query(`
      create table contribution_accounts (
        participant_id text primary key
      )`);
    // Every payment reference once across the service (bank references are global): a
    // reference reused by another participant or program is refused.
    await runner.query(`
      create table payment_references (
        payment_reference text primary key,
        stream_id         text not null
      )`);
    await runner.query(`
      create table scheduler_runs (
        task         text not null,
        month        text not null,
        started_at   text not null,
        completed_at text not null,
        summary      jsonb not null,
        primary key (task, month)
      )`);
    // What the sponsorship process could not do (a refused share): for an operator to see.
    await runner.query(`
      create table process_failures (
        id             bigint generated always as identity primary key,
        process        text not null,
        event_id       text not null,
        participant_id text not null,
        code           text not null,
        message        text not null,
        unique (process, event_id, participant_id)
      )`);

    // Read models (projections coverage-view and program-report): rebuilt from the events.
    await runner.query(`
      create table coverage_view (
        participant_id   text primary key,
        standing         text not null,
        paid_through     text,
        first_paid_month text,
        masa_iur_months  integer not null,
        arrears_months   jsonb not null,
        memberships      jsonb not null,
        dues             jsonb not null,
        refunds          jsonb not null,
        date_of_death    text,
        version          integer not null,
        updated_at       text not null
      )`);
    await runner.query(`
      create table program_report (
        program_id text primary key,
        report     jsonb not null,
        updated_at text not null
      )`);
    await runner.query(`
      create table sponsor_statements (
        program_id text not null,
        month      text not null,
        statement  jsonb not null,
        issued_at  text not null,
        primary key (program_id, month)
      )`);
    await runner.query(`
      create table sponsor_payments (
        program_id        text not null,
        payment_reference text not null,
        month             text not null,
        receipt           jsonb not null,
        recorded_at       text not null,
        primary key (program_id, payment_reference)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'sponsor_payments',
      'sponsor_statements',
      'program_report',
      'coverage_view',
      'process_failures',
      'scheduler_runs',
      'payment_references',
      'contribution_accounts',
      'sponsor_programs',
    ]) {
      await runner.query(`drop table ${table}`);
    }
  }
}
