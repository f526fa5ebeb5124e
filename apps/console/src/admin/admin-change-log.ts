import { createHash, randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

/** What an administrator changed about a person's access. */
export const ADMIN_ACTIONS = [
  'user-created',
  'role-granted',
  'role-revoked',
  'user-enabled',
  'user-disabled',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

export interface AdminChangeRequest {
  /** The administrator's actor id (her access token's `sub`) and her name at the time. */
  readonly actorId: string;
  readonly actorName: string;
  readonly actorUsername: string;
  readonly action: AdminAction;
  /** The person whose access changed: Keycloak's user id and her username. */
  readonly userId: string;
  readonly username: string;
  /** The role granted or revoked; for a new user, her first roles (comma-separated); else null. */
  readonly role: string | null;
  /** Where the request came from: the client address the console saw, and its browser. */
  readonly sourceAddress: string;
  readonly userAgent: string;
}

export interface AdminChange extends AdminChangeRequest {
  readonly changeId: string;
  readonly sequence: number;
  readonly recordedAt: string;
  readonly previousHash: string;
  readonly hash: string;
}

/** The chain's start: the previous hash of the first change. */
export const GENESIS_HASH = '0'.repeat(64);

const MAX_TEXT = 500;

/**
 * Each change's hash covers its fields and the previous change's hash, so removing, reordering
 * or rewriting an earlier row (by someone past the trigger, with the table owner's rights)
 * breaks every hash after it: `verify` finds the first broken link.
 */
export function changeHash(change: Omit<AdminChange, 'hash'>): string {
  const fields = [
    change.previousHash,
    String(change.sequence),
    change.changeId,
    change.recordedAt,
    change.actorId,
    change.actorName,
    change.actorUsername,
    change.action,
    change.userId,
    change.username,
    change.role ?? '',
    change.sourceAddress,
    change.userAgent,
  ];
  // JSON keeps the field boundaries unambiguous whatever the values contain.
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export type ChainCheck =
  | { readonly intact: true; readonly count: number }
  | { readonly intact: false; readonly count: number; readonly brokenAt: number };

/** Walks the changes in order and says whether every link holds. */
export function verifyChain(changes: readonly AdminChange[]): ChainCheck {
  let previous = GENESIS_HASH;
  for (const change of changes) {
    if (change.previousHash !== previous || changeHash(change) !== change.hash) {
      return { intact: false, count: changes.length, brokenAt: change.sequence };
    }
    previous = change.hash;
  }
  return { intact: true, count: changes.length };
}

// Append-only, as the auditor's reveal log: a trigger refuses any update or delete.
const SCHEMA = [
  `create table if not exists admin_changes (
     sequence bigint primary key,
     change_id uuid not null unique,
     actor_id text not null,
     actor_name text not null,
     actor_username text not null,
     action text not null check (action in (${ADMIN_ACTIONS.map((a) => `'${a}'`).join(', ')})),
     user_id text not null,
     username text not null,
     role text,
     source_address text not null,
     user_agent text not null,
     recorded_at timestamptz not null,
     previous_hash text not null,
     hash text not null unique
   )`,
  `create index if not exists admin_changes_by_user on admin_changes (user_id, sequence desc)`,
  `create or replace function admin_changes_append_only() returns trigger language plpgsql as $$
     begin raise exception 'admin_changes is append-only'; end $$`,
  `drop trigger if exists admin_changes_append_only on admin_changes`,
  `create trigger admin_changes_append_only before update or delete or truncate on admin_changes
     for each statement execute function admin_changes_append_only()`,
];

/** Serialises schema statements and appends (the chain needs one writer at a time). */
const SCHEMA_LOCK = 7_415_033;
const APPEND_LOCK = 7_415_034;

interface Row {
  readonly sequence: string;
  readonly change_id: string;
  readonly actor_id: string;
  readonly actor_name: string;
  readonly actor_username: string;
  readonly action: AdminAction;
  readonly user_id: string;
  readonly username: string;
  readonly role: string | null;
  readonly source_address: string;
  readonly user_agent: string;
  readonly recorded_at: Date;
  readonly previous_hash: string;
  readonly hash: string;
}

function changeOf(row: Row): AdminChange {
  return {
    sequence: Number(row.sequence),
    changeId: row.change_id,
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorUsername: row.actor_username,
    action: row.action,
    userId: row.user_id,
    username: row.username,
    role: row.role,
    sourceAddress: row.source_address,
    userAgent: row.user_agent,
    recordedAt: row.recorded_at.toISOString(),
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const clip = (text: string): string => text.slice(0, MAX_TEXT);

/**
 * The record of who changed whose access, when and from where, in the console's own database
 * (`santunan_console`), hash-chained and append-only (ADR 0033). Keycloak's admin events are
 * kept too (enabled in the realm) as a second, independent record.
 */
export class AdminChangeLog {
  private constructor(private readonly pool: Pool) {}

  static async prepare(pool: Pool): Promise<AdminChangeLog> {
    await inTransaction(pool, async (client) => {
      await client.query('select pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      for (const statement of SCHEMA) await client.query(statement);
    });
    return new AdminChangeLog(pool);
  }

  async record(request: AdminChangeRequest): Promise<AdminChange> {
    return inTransaction(this.pool, async (client) => {
      await client.query('select pg_advisory_xact_lock($1)', [APPEND_LOCK]);
      const { rows: last } = await client.query<{ sequence: string; hash: string }>(
        'select sequence, hash from admin_changes order by sequence desc limit 1',
      );
      // Milliseconds, as the hash sees them after the round trip through timestamptz.
      const recordedAt = new Date(Math.floor(Date.now())).toISOString();
      const unhashed: Omit<AdminChange, 'hash'> = {
        ...request,
        actorName: clip(request.actorName),
        actorUsername: clip(request.actorUsername),
        username: clip(request.username),
        sourceAddress: clip(request.sourceAddress),
        userAgent: clip(request.userAgent),
        changeId: randomUUID(),
        sequence: last[0] === undefined ? 1 : Number(last[0].sequence) + 1,
        recordedAt,
        previousHash: last[0]?.hash ?? GENESIS_HASH,
      };
      const change: AdminChange = { ...unhashed, hash: changeHash(unhashed) };
      await client.query(
        `insert into admin_changes (sequence, change_id, actor_id, actor_name, actor_username,
           action, user_id, username, role, source_address, user_agent, recorded_at,
           previous_hash, hash)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          change.sequence,
          change.changeId,
          change.actorId,
          change.actorName,
          change.actorUsername,
          change.action,
          change.userId,
          change.username,
          change.role,
          change.sourceAddress,
          change.userAgent,
          change.recordedAt,
          change.previousHash,
          change.hash,
        ],
      );
      return change;
    });
  }

  /** The latest changes, newest first; of one user when `userId` is given. */
  async latest(options: { userId?: string; limit?: number; before?: number } = {}): Promise<{
    changes: AdminChange[];
    more: boolean;
  }> {
    const limit = Math.min(200, Math.max(1, options.limit ?? 50));
    const { rows } = await this.pool.query<Row>(
      `select * from admin_changes
        where ($1::text is null or user_id = $1) and ($2::bigint is null or sequence < $2)
        order by sequence desc limit $3`,
      [options.userId ?? null, options.before ?? null, limit + 1],
    );
    return { changes: rows.slice(0, limit).map(changeOf), more: rows.length > limit };
  }

  /** Checks the whole chain from the first change. */
  async verify(): Promise<ChainCheck> {
    const { rows } = await this.pool.query<Row>('select * from admin_changes order by sequence');
    return verifyChain(rows.map(changeOf));
  }
}
