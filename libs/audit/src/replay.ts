import { randomBytes } from 'node:crypto';
import {
  PlatformDatabase,
  START_OF_STORE,
  type UpcasterRegistry,
  publishedEventUpcasters,
  type EventEnvelope,
  type EventMetadata,
  type Projection,
  type SqlExecutor,
  type StorePosition,
} from '@santunan/platform';
import { jsonDifferences } from './json-diff';
import { silent, type Progress } from './progress';
import { inSnapshot, withConnection } from './sql';
import { formatPosition, readEvents, type StoredEvent } from './store-reader';
import type { AuditedService } from './targets';

/** A projection and the tables it alone writes (what `reset` empties). */
export interface ReplayableReadModel {
  readonly projection: Projection;
  readonly tables: readonly string[];
}

export interface ReadModelSet {
  readonly readModels: readonly ReplayableReadModel[];
  /** The service's upcasters, when it has any: projections see events as the service does. */
  readonly upcasters?: UpcasterRegistry;
}

export interface RowDifference {
  readonly table: string;
  /** The primary key, as `column=value` pairs. */
  readonly key: string;
  readonly kind: 'only-live' | 'only-replayed' | 'differs';
  /** For `differs`: `column: live → replayed`. */
  readonly columns: readonly string[];
}

export interface ReplayResult {
  readonly service: AuditedService;
  readonly schema: string;
  readonly projections: readonly {
    readonly name: string;
    readonly replayedUpTo: string;
    readonly eventsRead: number;
    readonly tables: readonly {
      readonly table: string;
      readonly liveRows: number;
      readonly replayedRows: number;
    }[];
  }[];
  readonly differences: readonly RowDifference[];
  readonly ok: boolean;
}

const SAFE_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function identifier(name: string): string {
  if (!SAFE_IDENTIFIER.test(name)) throw new Error(`unsafe SQL identifier "${name}"`);
  return `"${name}"`;
}

interface TableDump {
  readonly keyColumns: readonly string[];
  readonly rows: Map<string, Record<string, unknown>>;
}

/**
 * Rebuilds a service's read models from its event store into a fresh schema of the same
 * database, each projection up to the checkpoint its live model had reached (read in the same
 * snapshot as the live rows), then compares the two row by row. The schema is dropped after.
 */
export async function replayReadModels(
  service: AuditedService,
  databaseUrl: string,
  set: ReadModelSet,
  options: { readonly progress?: Progress } = {},
): Promise<ReplayResult> {
  const progress = options.progress ?? silent;
  const upcasters = set.upcasters ?? publishedEventUpcasters();
  const tables = set.readModels.flatMap((model) => model.tables);
  const schema = `audit_replay_${randomBytes(6).toString('hex')}`;

  progress(`replay ${service}: reading the live read models and their checkpoints`);
  const live = await inSnapshot(databaseUrl, async (db) => {
    const checkpoints = new Map<string, StorePosition>();
    for (const model of set.readModels) {
      checkpoints.set(model.projection.name, await checkpointOf(db, model.projection.name));
    }
    const dumps = new Map<string, TableDump>();
    for (const table of tables) dumps.set(table, await dumpTable(db, 'public', table));
    return { checkpoints, dumps };
  });

  const database = await new PlatformDatabase({
    url: databaseUrl,
    poolSize: 2,
    applicationName: 'santunan-audit-replay',
  }).open();
  try {
    await database.query(`create schema ${identifier(schema)}`);
    for (const table of tables) {
      await database.query(
        `create table ${identifier(schema)}.${identifier(table)} (like public.${identifier(table)} including all)`,
      );
    }
    const summaries: ReplayResult['projections'][number][] = [];
    for (const model of set.readModels) {
      const upTo = live.checkpoints.get(model.projection.name) ?? START_OF_STORE;
      const eventsRead = await replayProjection(
        service,
        databaseUrl,
        database,
        schema,
        model.projection,
        upTo,
        upcasters,
        (count) => progress(`replay ${service} ${model.projection.name}: ${count} events`),
      );
      progress(
        `replay ${service} ${model.projection.name}: ${eventsRead} events up to ${formatPosition(upTo)}`,
      );
      summaries.push({
        name: model.projection.name,
        replayedUpTo: formatPosition(upTo),
        eventsRead,
        tables: [],
      });
    }
    const replayed = await withConnection(databaseUrl, async (db) => {
      const dumps = new Map<string, TableDump>();
      for (const table of tables) dumps.set(table, await dumpTable(db, schema, table));
      return dumps;
    });
    const differences: RowDifference[] = [];
    for (const table of tables) {
      const before = live.dumps.get(table);
      const after = replayed.get(table);
      if (before !== undefined && after !== undefined)
        differences.push(...compareTables(table, before, after));
    }
    const projections = summaries.map((summary) => ({
      ...summary,
      tables: (
        set.readModels.find((model) => model.projection.name === summary.name)?.tables ?? []
      ).map((table) => ({
        table,
        liveRows: live.dumps.get(table)?.rows.size ?? 0,
        replayedRows: replayed.get(table)?.rows.size ?? 0,
      })),
    }));
    return { service, schema, projections, differences, ok: differences.length === 0 };
  } finally {
    await database
      .query(`drop schema if exists ${identifier(schema)} cascade`)
      .catch(() => undefined);
    await database.close();
  }
}

async function checkpointOf(db: SqlExecutor, name: string): Promise<StorePosition> {
  const [row] = await db.query<{ transaction_id: string; global_position: string }>(
    'select transaction_id::text, global_position::text from projection_checkpoints where name = $1',
    [name],
  );
  return row === undefined
    ? START_OF_STORE
    : { transactionId: row.transaction_id, globalPosition: row.global_position };
}

async function replayProjection(
  service: AuditedService,
  databaseUrl: string,
  database: PlatformDatabase,
  schema: string,
  projection: Projection,
  upTo: StorePosition,
  upcasters: UpcasterRegistry,
  onProgress: (count: number) => void,
): Promise<number> {
  if (upTo.globalPosition === START_OF_STORE.globalPosition) return 0;
  // Applied with the replay schema first on the search path: the projection's unqualified
  // tables are the fresh ones; the event store and everything else stay the live ones.
  const apply = (batch: readonly StoredEvent[]): Promise<void> =>
    database.transaction(async (tx) => {
      await tx.query(`set local search_path to ${identifier(schema)}, public`);
      for (const event of batch) {
        if (projection.handles(event.type))
          await projection.apply(tx, upcasters.upcast(envelopeOf(event)));
      }
    });
  return inSnapshot(databaseUrl, async (db) => {
    let batch: StoredEvent[] = [];
    let count = 0;
    for await (const event of readEvents(db, service, { upTo, pageSize: 500 })) {
      batch.push(event);
      count += 1;
      if (batch.length === 500) {
        await apply(batch);
        batch = [];
        if (count % 10_000 === 0) onProgress(count);
      }
    }
    if (batch.length > 0) await apply(batch);
    return count;
  });
}

function envelopeOf(event: StoredEvent): EventEnvelope {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamType: event.streamType,
    version: event.version,
    globalPosition: event.position.globalPosition,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    metadata: event.metadata as unknown as EventMetadata,
    data: event.data,
    hash: event.hash,
    previousHash: event.previousHash,
  };
}

async function dumpTable(db: SqlExecutor, schema: string, table: string): Promise<TableDump> {
  const keyRows = await db.query<{ column_name: string }>(
    `select a.attname as column_name
       from pg_index i
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ($1 || '.' || $2)::regclass and i.indisprimary
      order by array_position(i.indkey::int2[], a.attnum)`,
    [identifier(schema), identifier(table)],
  );
  const rows = await db.query<{ row: Record<string, unknown> }>(
    `select to_jsonb(t) as row from ${identifier(schema)}.${identifier(table)} t`,
  );
  const keyColumns = keyRows.map((row) => row.column_name);
  const byKey = new Map<string, Record<string, unknown>>();
  for (const { row } of rows) {
    const key =
      keyColumns.length > 0
        ? keyColumns.map((column) => `${column}=${JSON.stringify(row[column])}`).join(',')
        : JSON.stringify(row);
    byKey.set(key, row);
  }
  return { keyColumns, rows: byKey };
}

export function compareTables(
  table: string,
  live: TableDump,
  replayed: TableDump,
): RowDifference[] {
  const differences: RowDifference[] = [];
  const keys = [...new Set([...live.rows.keys(), ...replayed.rows.keys()])].sort();
  for (const key of keys) {
    const before = live.rows.get(key);
    const after = replayed.rows.get(key);
    if (before === undefined) differences.push({ table, key, kind: 'only-replayed', columns: [] });
    else if (after === undefined) differences.push({ table, key, kind: 'only-live', columns: [] });
    else {
      const columns = jsonDifferences(before, after, 20);
      if (columns.length > 0) differences.push({ table, key, kind: 'differs', columns });
    }
  }
  return differences;
}

export function renderReplay(result: ReplayResult): string {
  const out = [`replay ${result.service} (into schema ${result.schema}, dropped)`];
  for (const projection of result.projections) {
    out.push(
      `  projection ${projection.name}: ${projection.eventsRead} events up to ${projection.replayedUpTo}`,
    );
    for (const table of projection.tables) {
      out.push(
        `    ${table.table}: ${table.liveRows} live rows, ${table.replayedRows} replayed rows`,
      );
    }
  }
  for (const difference of result.differences) {
    out.push(
      `  DIFFERENCE ${difference.table} [${difference.key}] ${difference.kind}` +
        (difference.columns.length === 0
          ? ''
          : `: ${difference.columns.join('; ')} (live → replayed)`),
    );
  }
  out.push(
    result.ok
      ? 'replay: OK (replayed read models equal the live ones)'
      : `replay: ${result.differences.length} difference(s)`,
  );
  return `${out.join('\n')}\n`;
}
