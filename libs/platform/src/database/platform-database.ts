import { DataSource, type EntityManager, type EntitySchema, type MixedList } from 'typeorm';
import { LEADER_SESSION_OPTIONS } from '../outbox/leader-session';

/** The smallest SQL surface the platform's stores need; one connection, usually in a transaction. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(
    sql: string,
    parameters?: readonly unknown[],
  ): Promise<Row[]>;
}

/** A database transaction: raw SQL for the event tables, the TypeORM manager for read models. */
export interface Transaction extends SqlExecutor {
  readonly manager: EntityManager;
}

export interface PlatformDatabaseOptions {
  readonly url: string;
  /** TypeORM migrations (hand-written SQL: TypeORM cannot describe xid8 columns). */
  readonly migrations?: MixedList<string | (new () => unknown)>;
  readonly entities?: MixedList<string | (new () => unknown) | EntitySchema>;
  readonly poolSize?: number;
  readonly applicationName?: string;
}

/**
 * A service's own PostgreSQL database through TypeORM. Schema changes only through
 * migrations; `synchronize` is never used.
 */
export class PlatformDatabase {
  readonly dataSource: DataSource;

  constructor(options: PlatformDatabaseOptions) {
    this.dataSource = new DataSource({
      type: 'postgres',
      url: options.url,
      migrations: options.migrations ?? [],
      entities: options.entities ?? [],
      migrationsTableName: 'schema_migrations',
      migrationsTransactionMode: 'each',
      synchronize: false,
      logging: false,
      applicationName: options.applicationName,
      extra: {
        max: options.poolSize ?? 10,
        // JIT compiles a plan once its estimated cost crosses a threshold, which an OLTP
        // service's short statements only do when statistics are missing or stale; it then
        // adds ~200 ms to a 2 ms read (issue 16's profile). Off for the service's connections.
        // The leader sessions' keepalive too: a pooled connection may hold a session lock
        // (enrollment's bulk jobs), which a vanished host must not keep for two hours.
        options: `-c jit=off ${LEADER_SESSION_OPTIONS}`,
        keepAlive: true,
      },
    });
  }

  async open(): Promise<this> {
    if (!this.dataSource.isInitialized) await this.dataSource.initialize();
    return this;
  }

  /** Applies pending migrations; safe to call from several processes at once (advisory lock). */
  async migrate(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      // Serialise concurrent migrators (two replicas starting together).
      await runner.query(`select pg_advisory_lock(hashtext('santunan:migrations'))`);
      try {
        await this.dataSource.runMigrations({ transaction: 'each' });
      } finally {
        await runner.query(`select pg_advisory_unlock(hashtext('santunan:migrations'))`);
      }
    } finally {
      await runner.release();
    }
  }

  /** Runs `work` in one transaction; rolled back if it throws. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(toTransaction(manager)));
  }

  /** A statement outside any explicit transaction. */
  query<Row = Record<string, unknown>>(
    sql: string,
    parameters?: readonly unknown[],
  ): Promise<Row[]> {
    return this.dataSource.query<Row[]>(sql, parameters ? [...parameters] : undefined);
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

export function toTransaction(manager: EntityManager): Transaction {
  return {
    manager,
    query: <Row>(sql: string, parameters?: readonly unknown[]) =>
      manager.query<Row[]>(sql, parameters ? [...parameters] : undefined),
  };
}
