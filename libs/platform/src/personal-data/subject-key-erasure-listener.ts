import { Client } from 'pg';
import { SUBJECT_KEY_ERASED_CHANNEL } from './postgres-subject-key-store';

/** What the listener needs from a cipher: evict one subject, or everything when in doubt. */
export interface SubjectKeyCache {
  forget(subjectId: string): void;
  forgetAll(): void;
}

export interface ErasureListenerOptions {
  readonly reconnectDelayMs?: number;
  readonly onError?: (error: Error) => void;
}

/**
 * Evicts cached keys the moment any process erases them (PostgreSQL LISTEN/NOTIFY on the key
 * database), so an erasure in one service is felt in all of them at once, not after the
 * cache TTL. Notifications sent while disconnected are lost, so every (re)connect clears the
 * whole cache.
 */
export class SubjectKeyErasureListener {
  private client: Client | undefined;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly keyDatabaseUrl: string,
    private readonly cache: SubjectKeyCache,
    private readonly options: ErasureListenerOptions,
  ) {}

  static async start(
    keyDatabaseUrl: string,
    cache: SubjectKeyCache,
    options: ErasureListenerOptions = {},
  ): Promise<SubjectKeyErasureListener> {
    const listener = new SubjectKeyErasureListener(keyDatabaseUrl, cache, options);
    await listener.connect();
    return listener;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end();
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.keyDatabaseUrl,
      application_name: 'subject-key-listener',
    });
    client.on('notification', (message) => {
      if (message.channel === SUBJECT_KEY_ERASED_CHANNEL && message.payload)
        this.cache.forget(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('key database connection ended')));
    await client.connect();
    await client.query(`listen ${SUBJECT_KEY_ERASED_CHANNEL}`);
    this.client = client;
    this.cache.forgetAll();
  }

  private lost(client: Client, error: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    this.cache.forgetAll();
    this.options.onError?.(error);
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.reconnectTimer = setTimeout(() => {
      if (this.stopped) return;
      this.connect().catch((error: unknown) => {
        this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
        this.scheduleReconnect();
      });
    }, this.options.reconnectDelayMs ?? 1_000);
  }
}
