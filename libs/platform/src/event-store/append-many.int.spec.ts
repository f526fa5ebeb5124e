import { eventually } from '@santunan/testing';
import { EventStore } from './event-store';
import { ConcurrencyError, DuplicateEventError } from './event-store.errors';
import { outboxMessageFor, publishAllTo } from '../outbox/outbox-message';
import { appendRequest, deferred, newEvent, TEST_METADATA } from './testing/event-fixtures';
import {
  openMigratedTestDatabase,
  type MigratedTestDatabase,
} from './testing/migrated-test-database';
import { verifyEventStore } from './verify-event-store';

describe('EventStore.appendMany and readStreams', () => {
  let db: MigratedTestDatabase;
  const store = new EventStore({ topicFor: publishAllTo('contributions.events') });

  beforeAll(async () => {
    db = await openMigratedTestDatabase('append_many');
  });
  afterAll(async () => {
    await db.close();
  });

  const outboxCount = async (): Promise<number> => {
    const [row] = await db.database.query<{ count: string }>('select count(*) from outbox');
    return Number(row?.count);
  };

  it('appends to many streams at once, chaining each, with one outbox row per event', async () => {
    await db.database.transaction((tx) =>
      store.append(tx, appendRequest('account-a', [newEvent('AccountOpened', { n: 0 })], 0)),
    );
    const outboxBefore = await outboxCount();

    const results = await db.database.transaction((tx) =>
      store.appendMany(tx, [
        appendRequest('account-b', [newEvent('AccountOpened', { n: 1 })], 0),
        appendRequest('account-a', [newEvent('DueBilled', { month: '2026-01' })], 1),
        // A second request on the same stream follows the first.
        appendRequest(
          'account-a',
          [newEvent('DuePaid', { month: '2026-01' }), newEvent('CoverageExtended', {})],
          2,
        ),
      ]),
    );

    expect(results.map((events) => events.map((event) => [event.streamId, event.version]))).toEqual(
      [
        [['account-b', 1]],
        [['account-a', 2]],
        [
          ['account-a', 3],
          ['account-a', 4],
        ],
      ],
    );
    const streamA = await store.readStream(db.database, 'account-a');
    expect(streamA.slice(1)).toEqual([...(results[1] ?? []), ...(results[2] ?? [])]);
    expect(streamA[1]?.previousHash).toBe(streamA[0]?.hash);
    expect(streamA[2]?.previousHash).toBe(streamA[1]?.hash);
    expect(await outboxCount()).toBe(outboxBefore + 4);
    const report = await verifyEventStore(db.database);
    expect(report.problems).toEqual([]);
  });

  it('refuses a stale expected version before writing anything, leaving the transaction usable', async () => {
    await db.database.transaction((tx) =>
      store.append(tx, appendRequest('account-c', [newEvent('AccountOpened', {})], 0)),
    );
    const written = await db.database.transaction(async (tx) => {
      await expect(
        store.appendMany(tx, [
          appendRequest('account-d', [newEvent('AccountOpened', {})], 0),
          appendRequest('account-c', [newEvent('DueBilled', {})], 0),
        ]),
      ).rejects.toMatchObject({
        name: 'ConcurrencyError',
        streamId: 'account-c',
        conflict: 'version-mismatch',
      });
      // Still usable: the refusal came before any insert.
      return store.append(tx, appendRequest('account-d', [newEvent('AccountOpened', {})], 0));
    });
    expect(written).toHaveLength(1);
    expect(await store.readStream(db.database, 'account-c')).toHaveLength(1);
  });

  it('names the stream that lost a race on the unique key, and a duplicate event id', async () => {
    const firstInserted = deferred();
    const release = deferred();
    const first = db.database.transaction(async (tx) => {
      await store.appendMany(tx, [appendRequest('account-e', [newEvent('AccountOpened', {})], 0)]);
      firstInserted.resolve();
      await release.promise;
    });
    await firstInserted.promise;
    // The second writer cannot see the first's uncommitted head, so it meets it at the key.
    const second = db.database.transaction((tx) =>
      store.appendMany(tx, [
        appendRequest('account-f', [newEvent('AccountOpened', {})], 0),
        appendRequest('account-e', [newEvent('AccountOpened', {})], 0),
      ]),
    );
    // Release the first only once the second waits on its row at the unique key.
    await eventually(async () => {
      const [waiting] = await db.database.query<{ count: string }>(
        `select count(*) from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
      );
      expect(Number(waiting?.count)).toBeGreaterThan(0);
    });
    release.resolve();
    await first;
    await expect(second).rejects.toMatchObject({
      name: 'ConcurrencyError',
      streamId: 'account-e',
      conflict: 'concurrent-append',
    });
    await expect(second).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.readStream(db.database, 'account-f')).toEqual([]);

    const duplicate = newEvent('AccountOpened', {});
    await db.database.transaction((tx) =>
      store.append(tx, appendRequest('account-g', [duplicate], 0)),
    );
    await expect(
      db.database.transaction((tx) =>
        store.appendMany(tx, [appendRequest('account-h', [duplicate], 0)]),
      ),
    ).rejects.toThrow(new DuplicateEventError(duplicate.eventId).message);
  });

  it('chains to the head a read saw in one statement, and to the stored head when that is stale', async () => {
    await db.database.transaction((tx) =>
      store.append(tx, appendRequest('account-i', [newEvent('AccountOpened', {})], 0)),
    );
    // This store now assumes the head it wrote; a rolled-back append leaves it assuming a
    // version 2 that was never committed.
    await db.database
      .transaction(async (tx) => {
        await store.append(tx, appendRequest('account-i', [newEvent('DueBilled', {})], 1));
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    // Another writer (another store, another replica) appends version 2 with other content.
    const other = new EventStore({ topicFor: publishAllTo('contributions.events') });
    await db.database.transaction((tx) =>
      other.append(tx, appendRequest('account-i', [newEvent('DuePaid', {})], 1)),
    );
    await expect(
      db.database.transaction((tx) =>
        store.append(tx, appendRequest('account-i', [newEvent('DueBilled', {})], 1)),
      ),
    ).rejects.toMatchObject({ conflict: 'version-mismatch', actualVersion: 2 });
    const [third] = await db.database.transaction((tx) =>
      store.append(tx, appendRequest('account-i', [newEvent('DueBilled', {})], 2)),
    );
    const stream = await store.readStream(db.database, 'account-i');
    expect(stream.map((event) => event.type)).toEqual(['AccountOpened', 'DuePaid', 'DueBilled']);
    expect(third?.previousHash).toBe(stream[1]?.hash);
    expect((await verifyEventStore(db.database)).problems).toEqual([]);
  });

  it('refuses a new stream that exists already, unseen by this store, leaving the transaction usable', async () => {
    await db.database.transaction((tx) =>
      new EventStore({ topicFor: publishAllTo('contributions.events') }).append(
        tx,
        appendRequest('account-j', [newEvent('AccountOpened', {}), newEvent('DueBilled', {})], 0),
      ),
    );
    const outboxBefore = await outboxCount();
    const after = await db.database.transaction(async (tx) => {
      await expect(
        store.appendMany(tx, [
          appendRequest('account-k', [newEvent('AccountOpened', {})], 0),
          appendRequest('account-j', [newEvent('AccountOpened', {})], 0),
        ]),
      ).rejects.toMatchObject({
        streamId: 'account-j',
        conflict: 'version-mismatch',
        actualVersion: 2,
      });
      return store.appendMany(tx, [
        appendRequest('account-k', [newEvent('AccountOpened', {})], 0),
        appendRequest('account-j', [newEvent('DueBilled', {})], 'any'),
      ]);
    });
    expect(after.map((events) => events.map((event) => event.version))).toEqual([[1], [3]]);
    expect(await outboxCount()).toBe(outboxBefore + 2);
    expect((await verifyEventStore(db.database)).problems).toEqual([]);
  });

  it('writes the outbox payload of each event as outboxMessageFor does, in event order', async () => {
    const [stored] = await db.database.transaction((tx) =>
      store.appendMany(tx, [
        appendRequest(
          'account-l',
          [
            newEvent('AccountOpened', { name: 'Maria "Ina" \\ Bria', n: 1e21, list: [0.1, -0] }),
            newEvent('DueBilled', { month: '2026-01' }),
          ],
          0,
          { metadata: { ...TEST_METADATA, causationId: 'cause-1', traceparent: 'tp' } },
        ),
      ]),
    );
    const rows = await db.database.query<{
      payload: string;
      headers: unknown;
      event_global_position: string;
    }>(
      `select payload, headers, event_global_position from outbox where message_key = 'account-l' order by id`,
    );
    expect(rows).toEqual(
      (stored ?? []).map((event) => {
        const message = outboxMessageFor(event, 'contributions.events');
        return {
          payload: message.payload,
          headers: message.headers,
          event_global_position: event.globalPosition,
        };
      }),
    );
  });

  it('reads several streams in one query, each from its own version, new ones empty', async () => {
    await db.database.transaction((tx) =>
      store.appendMany(tx, [
        appendRequest('program-1', [newEvent('A', {}), newEvent('B', {}), newEvent('C', {})], 0, {
          streamType: 'SponsorProgram',
        }),
        appendRequest('program-2', [newEvent('A', {})], 0, { streamType: 'SponsorProgram' }),
      ]),
    );
    const read = await store.readStreams(db.database, [
      { streamId: 'program-1', fromVersion: 2 },
      { streamId: 'program-2' },
      { streamId: 'program-none' },
    ]);
    expect([...read.entries()].map(([id, events]) => [id, events.map((e) => e.type)])).toEqual([
      ['program-1', ['B', 'C']],
      ['program-2', ['A']],
      ['program-none', []],
    ]);
    expect(read.get('program-1')).toEqual(
      (await store.readStream(db.database, 'program-1')).slice(1),
    );
  });
});
