import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/** One reveal of a participant's personal data: who asked, about whom, when, and why. */
export interface RevealRecord {
  readonly revealId: string;
  /** The auditor's actor id (the access token's `sub`). */
  readonly auditorId: string;
  readonly auditorName: string;
  readonly participantId: string;
  readonly reason: string;
  readonly revealedAt: string;
}

export interface RevealRequest {
  readonly auditorId: string;
  readonly auditorName: string;
  readonly participantId: string;
  readonly reason: string;
}

/** The longest reason kept; a reason is a sentence or two, not a document. */
export const MAX_REASON_LENGTH = 500;

// Append-only: the console inserts and reads; a trigger refuses any update or delete, so a
// reveal cannot be taken back from the log by the console or anyone using its connection.
const SCHEMA = [
  `create table if not exists audit_reveals (
     reveal_id uuid primary key,
     auditor_id text not null,
     auditor_name text not null,
     participant_id text not null,
     reason text not null check (length(btrim(reason)) between 1 and ${MAX_REASON_LENGTH}),
     revealed_at timestamptz not null default now()
   )`,
  `create index if not exists audit_reveals_by_participant
     on audit_reveals (participant_id, revealed_at desc)`,
  `create or replace function audit_reveals_append_only() returns trigger language plpgsql as $$
     begin raise exception 'audit_reveals is append-only'; end $$`,
  `drop trigger if exists audit_reveals_append_only on audit_reveals`,
  `create trigger audit_reveals_append_only before update or delete on audit_reveals
     for each row execute function audit_reveals_append_only()`,
];

/** Serialises the schema statements of console processes starting at once. */
const SCHEMA_LOCK = 7_415_013;

interface Row {
  readonly reveal_id: string;
  readonly auditor_id: string;
  readonly auditor_name: string;
  readonly participant_id: string;
  readonly reason: string;
  readonly revealed_at: Date;
}

function recordOf(row: Row): RevealRecord {
  return {
    revealId: row.reveal_id,
    auditorId: row.auditor_id,
    auditorName: row.auditor_name,
    participantId: row.participant_id,
    reason: row.reason,
    revealedAt: row.revealed_at.toISOString(),
  };
}

/**
 * The reveal log in the console's own database (`santunan_console`), on the console's pool:
 * the shell opens (and creates) the database, this creates its table if it is not there yet.
 */
export class RevealLog {
  private constructor(private readonly pool: Pool) {}

  static async prepare(pool: Pool): Promise<RevealLog> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      for (const statement of SCHEMA) await client.query(statement);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return new RevealLog(pool);
  }

  async record(request: RevealRequest): Promise<RevealRecord> {
    const reason = request.reason.trim();
    if (reason === '' || reason.length > MAX_REASON_LENGTH) {
      throw new Error('a reveal needs a reason of 1 to 500 characters');
    }
    const { rows } = await this.pool.query<Row>(
      `insert into audit_reveals (reveal_id, auditor_id, auditor_name, participant_id, reason)
       values ($1, $2, $3, $4, $5) returning *`,
      [randomUUID(), request.auditorId, request.auditorName, request.participantId, reason],
    );
    const row = rows[0];
    if (row === undefined) throw new Error('the reveal was not recorded');
    return recordOf(row);
  }

  /** The latest reveals of one participant, newest first. */
  async ofParticipant(participantId: string, limit = 20): Promise<RevealRecord[]> {
    const { rows } = await this.pool.query<Row>(
      `select * from audit_reveals where participant_id = $1
        order by revealed_at desc, reveal_id limit $2`,
      [participantId, limit],
    );
    return rows.map(recordOf);
  }
}
