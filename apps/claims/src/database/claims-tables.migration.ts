import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The claims service's own tables beside the platform's (events, outbox, checkpoints, inbox).
 * Dates are kept as ISO text (`YYYY-MM-DD`), as in the events: pg would turn a `date` into a
 * JavaScript Date in the server's time zone. Personal fields stay sealed (`{ "$pii": 1, … }`)
 * as the events carry them and are opened only when a decision or a reader needs them.
 */
export class ClaimsTables1764300000000 implements MigrationInterface {
  readonly name = 'ClaimsTables1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    // Write side: whose key seals a stream's personal data, and which claims a participant has.
    // Written in the transaction of a stream's first event.
    await runner.query(`
      create table stream_subjects (
        stream_id      text primary key,
        participant_id text not null
      )`);
    await runner.query(
      'create index stream_subjects_participant on stream_subjects (participant_id)',
    );

    // Local projections of enrollment.events (event-carried state, inbox-deduplicated).
    await runner.query(`
      create table participants (
        participant_id text primary key,
        full_name      jsonb not null,
        birth_date     text not null,
        regency_code   text not null,
        membership     jsonb not null,
        registered_on  text not null,
        date_of_death  text,
        updated_at     timestamptz not null default now()
      )`);
    await runner.query(`
      create table participant_income (
        participant_id  text not null,
        effective_from  text not null,
        declared_income bigint not null check (declared_income > 0),
        primary key (participant_id, effective_from)
      )`);
    await runner.query(`
      create table participant_heirs (
        participant_id text primary key,
        heirs          jsonb not null
      )`);
    await runner.query(`
      create table participant_children (
        child_id       text primary key,
        registration   bigserial not null,
        participant_id text not null,
        full_name      jsonb not null,
        birth_date     text not null,
        registered_on  text not null
      )`);
    await runner.query(
      'create index participant_children_participant on participant_children (participant_id)',
    );

    // Local projection of contributions.events: the participant's coverage facts, folded by
    // the claims domain (evolveCoverageFacts).
    await runner.query(`
      create table participant_coverage (
        participant_id text primary key,
        coverage       jsonb not null,
        updated_at     timestamptz not null default now()
      )`);

    // Projection claim-work-queue: one row per claim, with the claim's folded state.
    await runner.query(`
      create table claim_work_queue (
        claim_id                   text primary key,
        participant_id             text not null,
        program                    text not null,
        benefit_type               text not null,
        status                     text not null,
        incident_date              text not null,
        date_of_death              text,
        submitted_on               text not null,
        submitted_by               text not null,
        accident_report_id         text,
        documents_complete         boolean not null,
        missing_documents          jsonb not null,
        sla_state                  text not null,
        sla_due_date               text,
        pending_decision_id        text,
        proposed_by                text,
        proposed_total             bigint,
        checker_required           boolean,
        last_decision_id           text,
        decided_total              bigint,
        rejection_codes            jsonb not null,
        scholarship_entitlement_id text,
        created_at                 text not null,
        updated_at                 text not null,
        version                    integer not null,
        state                      jsonb not null
      )`);
    await runner.query('create index claim_work_queue_status on claim_work_queue (status)');
    await runner.query(
      'create index claim_work_queue_participant on claim_work_queue (participant_id)',
    );
    await runner.query('create index claim_work_queue_due on claim_work_queue (sla_due_date)');

    // Projection claim-timeline: every event of a claim, its accident report, its death register
    // entry and its scholarship entitlement, with who did it.
    await runner.query(`
      create table claim_timeline (
        global_position    bigint primary key,
        claim_id           text,
        accident_report_id text,
        stream_id          text not null,
        version            integer not null,
        event_type         text not null,
        occurred_at        text not null,
        recorded_at        text not null,
        actor              jsonb not null,
        summary            text not null,
        details            jsonb not null
      )`);
    await runner.query('create index claim_timeline_claim on claim_timeline (claim_id)');
    await runner.query('create index claim_timeline_report on claim_timeline (accident_report_id)');
    await runner.query(`
      create table claim_timeline_entitlements (
        entitlement_id text primary key,
        claim_id       text not null
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'claim_timeline_entitlements',
      'claim_timeline',
      'claim_work_queue',
      'participant_coverage',
      'participant_children',
      'participant_heirs',
      'participant_income',
      'participants',
      'stream_subjects',
    ]) {
      await runner.query(`drop table ${table}`);
    }
  }
}
