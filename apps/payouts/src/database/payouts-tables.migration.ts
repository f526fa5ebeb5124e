import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The payouts service's own tables beside the platform's (events, outbox, checkpoints, inbox):
 * two write-side guards committed with the events they guard, the read models of the
 * projections, and participants' regions from enrollment.
 */
export class PayoutsTables1764400000000 implements MigrationInterface {
  readonly name = 'PayoutsTables1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    // Written in the transaction that appends PayoutScheduled. Redelivered or replayed
    // decisions derive the same payout id, and the deciders see the order; these constraints
    // make a second order impossible even if two transactions race past the decider.
    await runner.query(`
      create table payout_orders (
        payout_id             uuid primary key,
        kind                  text not null check (kind in ('benefit', 'late-payment-compensation')),
        decision_id           text not null,
        beneficiary_id        text not null,
        compensates_payout_id uuid unique references payout_orders (payout_id),
        participant_id        text not null,
        ordered_at            timestamptz not null default now(),
        check ((kind = 'benefit') = (compensates_payout_id is null))
      )`);
    await runner.query(`
      create unique index payout_orders_one_per_beneficiary
        on payout_orders (decision_id, beneficiary_id) where kind = 'benefit'`);

    // A bank reference names one bank transaction: it belongs to one payout, for good.
    await runner.query(`
      create table bank_references (
        bank_reference text primary key,
        payout_id      uuid not null references payout_orders (payout_id),
        outcome        text not null check (outcome in ('settled', 'failed', 'returned')),
        recorded_at    timestamptz not null default now()
      )`);

    // Read model (projection payout-view). Names and accounts stay sealed as in the events
    // and are opened at read time, so erasing a participant's key reaches this table too.
    await runner.query(`
      create table payout_view (
        payout_id             uuid primary key,
        kind                  text not null,
        program               text not null,
        benefit_type          text,
        decision_id           text not null,
        claim_id              text not null,
        participant_id        text not null,
        beneficiary_id        text not null,
        beneficiary_kind      text not null,
        beneficiary_name      jsonb not null,
        bank_account          jsonb not null,
        amount                bigint not null,
        components            jsonb not null,
        status                text not null,
        attempt               integer not null,
        batch_id              uuid,
        bank_reference        text,
        due_date              text,
        scheduled_on          text not null,
        instructed_on         text,
        settled_on            text,
        failure               jsonb,
        pending_reissue       jsonb,
        compensates_payout_id uuid,
        compensation          jsonb,
        regency_code          text,
        version               integer not null,
        updated_at            text not null
      )`);
    await runner.query(
      'create index payout_view_by_status on payout_view (status, scheduled_on, payout_id)',
    );
    await runner.query('create index payout_view_by_decision on payout_view (decision_id)');
    await runner.query('create index payout_view_by_batch on payout_view (batch_id)');
    await runner.query(`
      create table payout_batches (
        batch_id      uuid primary key,
        payouts       jsonb not null,
        count         integer not null,
        total         bigint not null,
        file_name     text not null,
        instructed_by text not null,
        instructed_on text not null
      )`);

    // Read model (projection reconciliation): decisions, payouts and dated movements.
    await runner.query(`
      create table reconciliation_decisions (
        decision_id               text primary key,
        source                    text not null,
        claim_id                  text not null,
        participant_id            text not null,
        program                   text not null,
        decided_amount            bigint not null,
        supersedes_decision_id    text,
        superseded_by_decision_id text,
        excess                    jsonb not null,
        planned_on                text not null
      )`);
    await runner.query(`
      create table reconciliation_payouts (
        payout_id      uuid primary key,
        decision_id    text not null,
        kind           text not null,
        program        text not null,
        participant_id text not null,
        regency_code   text,
        amount         bigint not null,
        status         text not null,
        version        integer not null
      )`);
    await runner.query(`
      create table reconciliation_movements (
        event_id      text primary key,
        payout_id     uuid not null,
        movement      text not null,
        business_date text not null,
        amount        bigint not null
      )`);
    await runner.query(
      'create index reconciliation_movements_by_date on reconciliation_movements (business_date)',
    );

    // From enrollment.events: where a participant lives and who sponsors them.
    await runner.query(`
      create table participant_regions (
        participant_id     text primary key,
        regency_code       text not null,
        sponsor_program_id text,
        updated_by_event   text not null
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'participant_regions',
      'reconciliation_movements',
      'reconciliation_payouts',
      'reconciliation_decisions',
      'payout_batches',
      'payout_view',
      'bank_references',
      'payout_orders',
    ]) {
      await runner.query(`drop table if exists ${table}`);
    }
  }
}
