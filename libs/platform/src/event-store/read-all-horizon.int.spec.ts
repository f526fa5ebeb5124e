import { eventually } from '@santunan/testing';
import { EventStore } from './event-store';
import { publishAllTo } from '../outbox/outbox-message';
import { START_OF_STORE, type PositionedEvent, type StorePosition } from './store-position';
import { appendRequest, deferred, newEvent } from './testing/event-fixtures';
import {
  openMigratedTestDatabase,
  type MigratedTestDatabase,
} from './testing/migrated-test-database';

// The horizon is cluster-wide: a long transaction elsewhere on the server only delays
// these reads (hence `eventually`), it never changes what they return.
describe('EventStore.readAll behind the transaction horizon', () => {
  let db: MigratedTestDatabase;
  const store = new EventStore({ topicFor: publishAllTo('enrollment.events') });

  beforeAll(async () => {
    db = await openMigratedTestDatabase('read_all_horizon');
  });
  afterAll(async () => {
    await db.close();
  });

  /** Reads from `after` to the horizon, as a subscriber would, and returns the new position. */
  async function readNew(
    after: StorePosition,
  ): Promise<{ streams: string[]; next: StorePosition; events: PositionedEvent[] }> {
    const events = await store.readAll(db.database, { after, limit: 1000 });
    return {
      streams: events.map(({ event }) => event.streamId),
      next: events.at(-1)?.position ?? after,
      events,
    };
  }

  async function streamsAfter(after: StorePosition): Promise<string[]> {
    return (await readNew(after)).streams;
  }

  it('holds back an event committed after one still in flight, then returns both in global order', async () => {
    const start = (await readNew(START_OF_STORE)).next;
    const slowAppended = deferred();
    const commitSlow = deferred();
    const slow = db.database.transaction(async (tx) => {
      await store.append(tx, appendRequest('horizon-slow', [newEvent('A', {})], 0));
      slowAppended.resolve();
      await commitSlow.promise;
    });
    await slowAppended.promise;
    await db.database.transaction((tx) =>
      store.append(tx, appendRequest('horizon-fast', [newEvent('B', {})], 0)),
    );

    // horizon-fast is committed but sits behind horizon-slow's open transaction.
    expect(await streamsAfter(start)).toEqual([]);

    commitSlow.resolve();
    await slow;
    const { events } = await eventually(async () => {
      const read = await readNew(start);
      expect(read.streams).toEqual(['horizon-slow', 'horizon-fast']);
      return read;
    });
    const [first, second] = events.map(({ event }) => BigInt(event.globalPosition));
    expect(first! < second!).toBe(true);
  });

  it('never skips an event whose transaction took its id earlier but commits later than a younger one', async () => {
    // The case a global-position cursor gets wrong: the older transaction's event gets the
    // higher position and commits first, the younger one's lower position appears later.
    let position = (await readNew(START_OF_STORE)).next;
    const youngerAppended = deferred();
    const commitYounger = deferred();
    const olderHasId = deferred();
    const olderMayAppend = deferred();

    const older = db.database.transaction(async (tx) => {
      await tx.query('select pg_current_xact_id()');
      olderHasId.resolve();
      await olderMayAppend.promise;
      await store.append(tx, appendRequest('older-transaction', [newEvent('A', {})], 0));
    });
    await olderHasId.promise;
    const younger = db.database.transaction(async (tx) => {
      await store.append(tx, appendRequest('younger-transaction', [newEvent('B', {})], 0));
      youngerAppended.resolve();
      await commitYounger.promise;
    });
    await youngerAppended.promise;
    olderMayAppend.resolve();
    await older;

    const seen: string[] = [];
    await eventually(async () => {
      const read = await readNew(position);
      seen.push(...read.streams);
      position = read.next;
      expect(seen).toEqual(['older-transaction']);
    });
    commitYounger.resolve();
    await younger;
    await eventually(async () => {
      const read = await readNew(position);
      seen.push(...read.streams);
      position = read.next;
      expect(seen).toEqual(['older-transaction', 'younger-transaction']);
    });
  });

  it("refuses an append that would sort before the stream's previous event, until retried in a new transaction", async () => {
    const olderHasId = deferred();
    const olderMayAppend = deferred();
    const older = db.database.transaction(async (tx) => {
      await tx.query('select pg_current_xact_id()');
      olderHasId.resolve();
      await olderMayAppend.promise;
      await store.append(
        tx,
        appendRequest('participant-order', [newEvent('IncomeChanged', { income: 2 })], 1),
      );
    });
    await olderHasId.promise;
    await db.database.transaction((tx) =>
      store.append(
        tx,
        appendRequest('participant-order', [newEvent('Registered', { income: 1 })], 0),
      ),
    );
    olderMayAppend.resolve();

    await expect(older).rejects.toMatchObject({
      name: 'ConcurrencyError',
      conflict: 'older-transaction',
      actualVersion: 1,
    });
    await db.database.transaction((tx) =>
      store.append(
        tx,
        appendRequest('participant-order', [newEvent('IncomeChanged', { income: 2 })], 1),
      ),
    );
    await eventually(async () => {
      const all = await store.readAll(db.database, { limit: 1000 });
      const versions = all
        .filter(({ event }) => event.streamId === 'participant-order')
        .map(({ event }) => event.version);
      expect(versions).toEqual([1, 2]);
    });
  });

  it('pages through the store with limit, resuming exactly after the last position', async () => {
    const streams = Array.from({ length: 7 }, (_, i) => `paged-${i}`);
    for (const streamId of streams) {
      await db.database.transaction((tx) =>
        store.append(tx, appendRequest(streamId, [newEvent('A', {})], 0)),
      );
    }
    const paged: PositionedEvent[] = [];
    await eventually(async () => {
      paged.length = 0;
      let after = START_OF_STORE;
      for (;;) {
        const page = await store.readAll(db.database, { after, limit: 2 });
        if (page.length === 0) break;
        paged.push(...page);
        after = page.at(-1)!.position;
      }
      const pagedStreams = paged
        .map(({ event }) => event.streamId)
        .filter((id) => id.startsWith('paged-'));
      expect(pagedStreams).toEqual(streams);
    });
    const everything = await store.readAll(db.database, { limit: 1000 });
    expect(paged.map(({ event }) => event.eventId)).toEqual(
      everything.map(({ event }) => event.eventId),
    );
  });
});
