import { eventually } from '@santunan/testing';
import {
  openMigratedTestDatabase,
  type MigratedTestDatabase,
} from '../event-store/testing/migrated-test-database';
import type { MessagePublisher } from '../messaging/messages';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
import { collectingLogger } from './testing/relay-probes';

/**
 * What keeps the relay cheap over a long run, with autovacuum off as on these machines
 * (ADR 0031): it vacuums the rows it deleted, and a commit wakes it rather than its next poll.
 * Kafka plays no part in either, so the publisher here only counts.
 */
describe('OutboxRelay upkeep (real PostgreSQL)', () => {
  let db: MigratedTestDatabase;
  const relays: OutboxRelay[] = [];
  let published = 0;

  beforeEach(async () => {
    db = await openMigratedTestDatabase('outbox_upkeep');
    published = 0;
  }, 300_000);
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await db.close();
  }, 300_000);

  const countingPublisher = (): Promise<MessagePublisher> =>
    Promise.resolve({
      publish: (_topic, messages) => {
        published += messages.length;
        return Promise.resolve();
      },
      close: () => Promise.resolve(),
    });

  function relay(options: Partial<OutboxRelayOptions> = {}): OutboxRelay {
    const created = new OutboxRelay({
      databaseUrl: db.url,
      relayName: 'upkeep',
      createPublisher: countingPublisher,
      batchSize: 250,
      idlePollMs: 50,
      leaderPollMs: 100,
      logger: collectingLogger(),
      ...options,
    });
    relays.push(created);
    return created;
  }

  /** `rows` outbox rows of about 600 bytes, committed in one statement. */
  async function enqueue(rows: number): Promise<void> {
    await db.database.query(
      `insert into outbox (event_global_position, event_id, topic, message_key, payload, headers)
       select n, gen_random_uuid(), 'upkeep', 'stream-' || (n % 7), repeat('x', 600), '{}'::jsonb
         from generate_series(1, $1::int) as n`,
      [rows],
    );
  }

  async function pages(relation: string): Promise<number> {
    const [row] = await db.database.query<{ pages: string }>(
      'select pg_relation_size($1::regclass) / current_setting($2)::int as pages',
      [relation, 'block_size'],
    );
    return Number(row?.pages);
  }

  it('keeps the outbox and its index from growing with every row ever relayed', async () => {
    const rounds = 20;
    const perRound = 1_000;
    const relaying = relay({ vacuumAfterRows: 1_000 });
    await enqueue(perRound);
    // Measured before the relay starts: one round's rows, all live.
    const heapOfOneRound = await pages('outbox');
    relaying.start();
    await relaying.waitUntilDrained(120_000);
    for (let round = 2; round <= rounds; round += 1) {
      await enqueue(perRound);
      // Drained includes a vacuum in progress finished, so the pace is the test's, not the machine's.
      await relaying.waitUntilDrained(120_000);
    }
    // Stopping waits for a vacuum in progress; what it left is what the next leader finds.
    await relaying.stop();
    expect(published).toBe(rounds * perRound);

    const [stats] = await db.database.query<{ vacuums: string }>(
      `select vacuum_count as vacuums from pg_stat_user_tables where relname = 'outbox'`,
    );
    expect(Number(stats?.vacuums)).toBeGreaterThan(0);
    // A deleted row stays in the heap until vacuumed and nothing reuses its space: never
    // vacuumed, the heap ends 20 rounds long (1,819 pages against 91 for one round, when
    // measured), with a dead index entry per row that every read walks. Vacuumed every 1,000
    // rows, at most two rounds' worth is ever dead at once, and the free space is reused.
    expect(await pages('outbox')).toBeLessThanOrEqual(5 * heapOfOneRound);
  }, 300_000);

  it('wakes on a commit instead of waiting for its next poll', async () => {
    // A poll this slow would miss every deadline below: only the notification can meet them.
    const relaying = relay({ idlePollMs: 600_000 });
    relaying.start();
    for (const rows of [3, 1, 2]) {
      // Resolved by a read that found nothing: the relay then sleeps until woken.
      await relaying.waitUntilDrained(120_000);
      const before = published;
      await enqueue(rows);
      await eventually(() => expect(published).toBe(before + rows), { timeoutMs: 60_000 });
    }
  }, 300_000);
});
