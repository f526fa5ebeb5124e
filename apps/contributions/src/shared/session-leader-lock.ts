import { Client } from 'pg';
import { LEADER_SESSION_OPTIONS, advisoryLockKey } from '@santunan/platform';

/**
 * One leader among the service's replicas for a job that spans many transactions (the
 * process manager, the scheduler): a session advisory lock on a connection of its own, freed
 * by PostgreSQL when the session ends however the process dies. The outbox relay elects its
 * leader the same way (ADR 0004).
 */
export class SessionLeaderLock {
  private client: Client | undefined;
  private held = false;
  private readonly key: string;

  constructor(
    private readonly databaseUrl: string,
    name: string,
  ) {
    this.key = advisoryLockKey(`santunan:${name}`);
  }

  get isHeld(): boolean {
    return this.held;
  }

  /** True when this process leads; false when another does (try again later). */
  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    const client = await this.connection();
    const [row] = (
      await client.query<{ acquired: boolean }>(
        'select pg_try_advisory_lock($1::bigint) as acquired',
        [this.key],
      )
    ).rows;
    this.held = row?.acquired === true;
    return this.held;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    // Ending the session frees the lock.
    await client?.end().catch(() => undefined);
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({
      connectionString: this.databaseUrl,
      keepAlive: true,
      // The server frees the lock within a minute of this host vanishing (ADR 0027).
      options: LEADER_SESSION_OPTIONS,
    });
    // A lost session has lost the lock too: lead again only after a new tryAcquire.
    client.on('error', () => {
      if (this.client === client) {
        this.client = undefined;
        this.held = false;
      }
    });
    await client.connect();
    this.client = client;
    return client;
  }
}
