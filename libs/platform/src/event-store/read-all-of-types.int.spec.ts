import { eventually } from '@santunan/testing';
import { EventStore } from './event-store';
import { publishAllTo } from '../outbox/outbox-message';
import { START_OF_STORE, type StorePosition } from './store-position';
import { appendRequest, deferred, newEvent } from './testing/event-fixtures';
import {
  openMigratedTestDatabase,
  type MigratedTestDatabase,
} from './testing/migrated-test-database';

describe('EventStore.readAllOfTypes: a reader of a few types', () => {
  let db: MigratedTestDatabase;
  const store = new EventStore({ topicFor: publishAllTo('contributions.events') });

  beforeAll(async () => {
    db = await openMigratedTestDatabase('read_all_of_types');
  });
  afterAll(async () => {
    await db.close();
  });

  const append = (streamId: string, types: readonly string[]): Promise<unknown> =>
    db.database.transaction((tx) =>
      store.append(
        tx,
        appendRequest(
          streamId,
          types.map((type) => newEvent(type, { streamId })),
          0,
        ),
      ),
    );

  /** Everything behind the horizon now, as readAll sees it: its last position. */
  async function lastPosition(): Promise<StorePosition> {
    let after = START_OF_STORE;
    for (;;) {
      const page = await store.readAll(db.database, { after, limit: 1000 });
      const last = page.at(-1);
      if (last === undefined) return after;
      after = last.position;
    }
  }

  it('returns only the wanted types, in store order, and reads through the rest', async () => {
    const start = await eventually(lastPosition);
    await append('types-account-1', ['Billed', 'Paid', 'Extended']);
    await append('types-program', ['Allocated']);
    await append('types-account-2', ['Billed', 'Paid']);
    await append('types-program-2', ['Allocated', 'Sponsored']);
    await append('types-account-3', ['Billed']);
    const end = await eventually(async () => {
      const position = await lastPosition();
      expect((await store.readAll(db.database, { after: start })).length).toBe(9);
      return position;
    });

    const read = await store.readAllOfTypes(db.database, ['Allocated', 'Sponsored'], {
      after: start,
    });
    expect(read.events.map(({ event }) => `${event.streamId}:${event.type}`)).toEqual([
      'types-program:Allocated',
      'types-program-2:Allocated',
      'types-program-2:Sponsored',
    ]);
    // The page was not full: the reader may move past the account events after the last match.
    expect(read.readThrough).toEqual(end);

    // Nothing new: no events, and the checkpoint stays where it is.
    expect(await store.readAllOfTypes(db.database, ['Allocated'], { after: end })).toEqual({
      events: [],
      readThrough: end,
    });
    // New events, none wanted: none returned, but the reader reads through them.
    await append('types-account-4', ['Billed']);
    const later = await eventually(async () => {
      const position = await lastPosition();
      expect(position).not.toEqual(end);
      return position;
    });
    expect(await store.readAllOfTypes(db.database, ['Allocated'], { after: end })).toEqual({
      events: [],
      readThrough: later,
    });
  });

  it('stops at the last event returned when the page is full, so no match is skipped', async () => {
    const start = await eventually(lastPosition);
    await append('full-page-1', ['Allocated']);
    await append('full-page-2', ['Billed', 'Allocated']);
    await append('full-page-3', ['Allocated', 'Billed']);
    await eventually(async () =>
      expect((await store.readAll(db.database, { after: start })).length).toBe(5),
    );
    const first = await store.readAllOfTypes(db.database, ['Allocated'], {
      after: start,
      limit: 2,
    });
    expect(first.events.map(({ event }) => event.streamId)).toEqual(['full-page-1', 'full-page-2']);
    expect(first.readThrough).toEqual(first.events[1]?.position);
    const second = await store.readAllOfTypes(db.database, ['Allocated'], {
      after: first.readThrough,
      limit: 2,
    });
    expect(second.events.map(({ event }) => event.streamId)).toEqual(['full-page-3']);
  });

  it('never reads past a transaction still in flight (the same horizon as readAll)', async () => {
    const start = await eventually(lastPosition);
    const appended = deferred();
    const commit = deferred();
    const slow = db.database.transaction(async (tx) => {
      await store.append(tx, appendRequest('horizon-slow-match', [newEvent('Allocated', {})], 0));
      appended.resolve();
      await commit.promise;
    });
    await appended.promise;
    await append('horizon-fast-other', ['Billed']);
    const held = await store.readAllOfTypes(db.database, ['Allocated'], { after: start });
    // The younger, committed event is behind the open one: nothing is read through yet, so
    // the open transaction's match cannot be skipped.
    expect(held).toEqual({ events: [], readThrough: start });
    commit.resolve();
    await slow;
    await eventually(async () => {
      const read = await store.readAllOfTypes(db.database, ['Allocated'], { after: start });
      expect(read.events.map(({ event }) => event.streamId)).toEqual(['horizon-slow-match']);
    });
  });
});
