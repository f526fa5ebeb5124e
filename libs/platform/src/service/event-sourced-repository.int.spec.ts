import { EventStore } from '../event-store/event-store';
import type { Actor } from '../event-store/envelope';
import {
  openMigratedTestDatabase,
  type MigratedTestDatabase,
} from '../event-store/testing/migrated-test-database';
import { verifyEventStore } from '../event-store/verify-event-store';
import { publishAllTo } from '../outbox/outbox-message';
import { isEncryptedField } from '../personal-data/encrypted-field';
import { InMemorySubjectKeyStore } from '../personal-data/in-memory-subject-key-store';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { fixedClock, uuidIds } from './clock-and-ids';
import {
  EventSourcedRepository,
  type BoundDecider,
  type CommandRequest,
  type DomainDecision,
  type StreamDefinition,
  type StreamFold,
} from './event-sourced-repository';
import { FoldedStateCache } from './folded-state.cache';

// A tally: opened once, then each tag added once. Long streams, idempotent commands, refusals.
type TallyEvent =
  | { type: 'TallyOpened'; data: { tallyId: string } }
  | { type: 'TagAdded'; data: { tag: string; number: number } };
type TallyCommand = { type: 'Open' } | { type: 'Add'; tag: string };
interface TallyState {
  readonly opened: boolean;
  readonly tags: readonly string[];
}

const TALLY_FOLD: StreamFold<TallyEvent, TallyState> = {
  initialState: () => ({ opened: false, tags: [] }),
  evolve: (state, event) =>
    event.type === 'TallyOpened'
      ? { ...state, opened: true }
      : { ...state, tags: [...state.tags, event.data.tag] },
};

function decideTally(command: TallyCommand, state: TallyState): DomainDecision<TallyEvent> {
  if (command.type === 'Open') {
    return {
      ok: true,
      events: state.opened ? [] : [{ type: 'TallyOpened', data: { tallyId: 't' } }],
    };
  }
  if (!state.opened) return { ok: false, rejection: { code: 'NOT_OPENED', message: 'no tally' } };
  if (state.tags.includes(command.tag)) return { ok: true, events: [] };
  return {
    ok: true,
    events: [{ type: 'TagAdded', data: { tag: command.tag, number: state.tags.length + 1 } }],
  };
}

const TALLY: StreamDefinition<TallyEvent> = {
  streamType: 'tally',
  schemaVersions: { TallyOpened: 1, TagAdded: 1 },
  personalDataPaths: { TallyOpened: [], TagAdded: [] },
  queueWriters: true,
};

// A note book with a personal field, sealed with the request's data subject.
type NoteEvent = { type: 'NoteWritten'; data: { author: string; text: string } };
const NOTES: StreamDefinition<NoteEvent> = {
  streamType: 'note-book',
  schemaVersions: { NoteWritten: 1 },
  personalDataPaths: { NoteWritten: ['author'] },
};
const notes: BoundDecider<{ author: string; text: string }, NoteEvent, number> = {
  initialState: () => 0,
  evolve: (count) => count + 1,
  decide: (command) => ({ ok: true, events: [{ type: 'NoteWritten', data: command }] }),
};

/** The same stream type, written by a writer that does not take the lock. */
const TALLY_UNLOCKED: StreamDefinition<TallyEvent> = { ...TALLY, queueWriters: false };

const actor: Actor = { id: 'operator-1', kind: 'user', roles: ['admin'] };

/** Counts the rows each stream read returns, to see what a cached load costs. */
class CountingStore extends EventStore {
  rowsRead = 0;

  override async readStream(...args: Parameters<EventStore['readStream']>) {
    const rows = await super.readStream(...args);
    this.rowsRead += rows.length;
    return rows;
  }

  override async readStreams(...args: Parameters<EventStore['readStreams']>) {
    const read = await super.readStreams(...args);
    for (const rows of read.values()) this.rowsRead += rows.length;
    return read;
  }
}

describe('EventSourcedRepository: the one write path (real PostgreSQL)', () => {
  let db: MigratedTestDatabase;
  const clock = fixedClock('2026-03-01T03:00:00Z');
  const store = new CountingStore({ topicFor: publishAllTo('int.repository') });
  const keys = new InMemorySubjectKeyStore();
  const cipher = new PersonalDataCipher(keys);
  const repository = <Event extends TallyEvent | NoteEvent>(
    definition: StreamDefinition<Event>,
    on: EventStore = store,
  ) => new EventSourcedRepository<Event>(db.database, on, cipher, definition, clock, uuidIds);
  const foldWith = (cache?: FoldedStateCache<TallyState>) => ({ ...TALLY_FOLD, cache });
  const request = (
    streamId: string,
    command: TallyCommand,
    cache?: FoldedStateCache<TallyState>,
  ): CommandRequest<TallyCommand, TallyEvent, TallyState> => ({
    streamId,
    command,
    decider: { ...foldWith(cache), decide: decideTally },
    actor,
    correlationId: 'c-1',
    dataSubjectId: streamId,
  });

  beforeAll(async () => {
    db = await openMigratedTestDatabase('repository');
  });
  afterAll(async () => {
    await db.close();
  });

  it('with a cached fold, reads only what was appended since, and folds to the uncached state', async () => {
    const tallies = repository(TALLY);
    const cache = new FoldedStateCache<TallyState>(4);
    await tallies.handle(request('t-1', { type: 'Open' }, cache));
    for (let n = 1; n <= 30; n += 1)
      await tallies.handle(request('t-1', { type: 'Add', tag: `${n}` }, cache));
    store.rowsRead = 0;
    await tallies.handle(request('t-1', { type: 'Add', tag: '31' }, cache));
    // The rows of the two cached folds (to check their hashes) and nothing older, of 32.
    expect(store.rowsRead).toBe(2);
    const [cached, whole] = [
      await tallies.load('t-1', foldWith(cache)),
      await tallies.load('t-1', TALLY_FOLD),
    ];
    expect(cached.version).toBe(32);
    expect(cached).toEqual(whole);
  });

  it('sees what another process appended, and decides on it', async () => {
    const tallies = repository(TALLY);
    const [here, elsewhere] = [
      new FoldedStateCache<TallyState>(4),
      new FoldedStateCache<TallyState>(4),
    ];
    await tallies.load('t-1', foldWith(here));
    await tallies.handle(request('t-1', { type: 'Add', tag: 'x' }, elsewhere));
    expect(await tallies.handle(request('t-1', { type: 'Add', tag: 'x' }, here))).toMatchObject({
      ok: true,
      events: [],
      version: 33,
    });
  });

  it('recovers from a cached write that rolled back', async () => {
    const tallies = repository(TALLY);
    const cache = new FoldedStateCache<TallyState>(4);
    await expect(
      db.database.transaction(async (tx) => {
        await tallies.handleWithin(tx, request('t-1', { type: 'Add', tag: 'rolled-back' }, cache));
        throw new Error('the caller fails after the append');
      }),
    ).rejects.toThrow('the caller fails');
    // Another writer takes the version the rolled-back write had cached.
    await tallies.handle(request('t-1', { type: 'Add', tag: 'other' }));
    const loaded = await tallies.load('t-1', foldWith(cache));
    expect(loaded.state.tags).toContain('other');
    expect(loaded.state.tags).not.toContain('rolled-back');
    expect(loaded).toEqual(await tallies.load('t-1', TALLY_FOLD));
  });

  it('queues racing writers of one stream: each decides on the state the other left', async () => {
    const tallies = repository(TALLY);
    const [a, b] = [new FoldedStateCache<TallyState>(4), new FoldedStateCache<TallyState>(4)];
    await tallies.handle(request('race', { type: 'Open' }));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        tallies.handle(request('race', { type: 'Add', tag: `r${n}` }, n % 2 === 0 ? a : b)),
      ),
    );
    expect(results.every((result) => result.ok && result.events.length === 1)).toBe(true);
    const { state } = await tallies.load('race', TALLY_FOLD);
    const numbers = (await store.readStream(db.database, 'race'))
      .slice(1)
      .map((event) => (event.data as { number: number }).number);
    expect(state.tags).toHaveLength(8);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('decides a batch with one read and one append, in order per stream, with refusals apart', async () => {
    const tallies = repository(TALLY);
    const cache = new FoldedStateCache<TallyState>(4);
    const written: string[] = [];
    const withIndexRow = (r: CommandRequest<TallyCommand, TallyEvent, TallyState>) => ({
      ...r,
      alongside: async (tx: Parameters<NonNullable<typeof r.alongside>>[0]) => {
        await tx.query('select 1');
        written.push(r.streamId);
      },
    });
    store.rowsRead = 0;
    const results = await tallies.handleMany([
      request('batch-b', { type: 'Open' }, cache),
      request('batch-a', { type: 'Open' }, cache),
      withIndexRow(request('batch-a', { type: 'Add', tag: 'one' }, cache)),
      request('batch-c', { type: 'Add', tag: 'one' }, cache), // not opened: refused, the others go on
      request('batch-a', { type: 'Add', tag: 'one' }, cache), // the same again: no events
      request('batch-b', { type: 'Add', tag: 'two' }, cache),
    ]);
    expect(store.rowsRead).toBe(0);
    expect(
      results.map((result) => (result.ok ? result.events.length : result.rejection.code)),
    ).toEqual([1, 1, 1, 'NOT_OPENED', 0, 1]);
    expect(results.map((result) => result.version)).toEqual([1, 1, 2, 0, 2, 2]);
    expect(written).toEqual(['batch-a']);
    expect(results[2]).toMatchObject({ ok: true, state: { opened: true, tags: ['one'] } });
    for (const id of ['batch-a', 'batch-b']) {
      expect(await tallies.load(id, foldWith(cache))).toEqual(await tallies.load(id, TALLY_FOLD));
    }
    expect((await tallies.load('batch-c', TALLY_FOLD)).version).toBe(0);
    expect((await verifyEventStore(db.database)).problems).toEqual([]);
  });

  it('goes one by one when a stream moved between the batch read and its append', async () => {
    /** Appends to one stream behind the batch's back, right after the batch has read it. */
    class InterferingStore extends EventStore {
      interfere: (() => Promise<void>) | null = null;

      override async readStreams(...args: Parameters<EventStore['readStreams']>) {
        const read = await super.readStreams(...args);
        const interfere = this.interfere;
        this.interfere = null;
        await interfere?.();
        return read;
      }
    }
    const interfering = new InterferingStore({ topicFor: publishAllTo('int.repository') });
    const tallies = repository(TALLY, interfering);
    await tallies.handle(request('moving', { type: 'Open' }));
    // A writer that does not take the stream lock (another repository's definition).
    interfering.interfere = () =>
      repository(TALLY_UNLOCKED)
        .handle(request('moving', { type: 'Add', tag: 'other' }))
        .then(() => undefined);
    const results = await tallies.handleMany([
      request('moving', { type: 'Add', tag: 'mine' }),
      request('still', { type: 'Open' }),
    ]);
    expect(results).toMatchObject([
      { ok: true, version: 3 },
      { ok: true, version: 1 },
    ]);
    expect((await tallies.load('moving', TALLY_FOLD)).state.tags).toEqual(['other', 'mine']);
  });

  it('decides again in the same transaction when the stream moved before its append', async () => {
    /** Lets another writer append once, right after the command's stream read. */
    class InterferingStore extends EventStore {
      interfere: (() => Promise<void>) | null = null;

      override async readStream(...args: Parameters<EventStore['readStream']>) {
        const read = await super.readStream(...args);
        const interfere = this.interfere;
        this.interfere = null;
        await interfere?.();
        return read;
      }
    }
    const interfering = new InterferingStore({ topicFor: publishAllTo('int.repository') });
    const tallies = repository(TALLY_UNLOCKED, interfering);
    await tallies.handle(request('moved', { type: 'Open' }));
    interfering.interfere = () =>
      repository(TALLY_UNLOCKED)
        .handle(request('moved', { type: 'Add', tag: 'first' }))
        .then(() => undefined);
    const result = await db.database.transaction((tx) =>
      tallies.handleWithin(tx, request('moved', { type: 'Add', tag: 'second' })),
    );
    expect(result).toMatchObject({ ok: true, version: 3 });
    expect((await tallies.load('moved', TALLY_FOLD)).state.tags).toEqual(['first', 'second']);
  });

  it("seals each batch command's personal fields with its own subject, and reads them back in clear", async () => {
    const books = repository(NOTES);
    const results = await books.handleMany(
      ['ana', 'budi'].map((who) => ({
        streamId: `book-${who}`,
        decider: notes,
        command: { author: `${who} (personal)`, text: 'hello' },
        actor,
        correlationId: 'c-notes',
        dataSubjectId: who,
      })),
    );
    expect(results.map((result) => result.ok && result.version)).toEqual([1, 1]);
    const [stored] = await store.readStream(db.database, 'book-budi');
    const author = (stored?.data as { author: unknown }).author;
    expect(isEncryptedField(author) && author.subject).toBe('budi');
    expect(JSON.stringify(stored?.data)).not.toContain('personal');
    expect(await books.toDomainEvent(stored!)).toEqual({
      type: 'NoteWritten',
      data: { author: 'budi (personal)', text: 'hello' },
    });
  });

  it('refuses to cache the folds of a stream with personal fields', async () => {
    const books = repository(NOTES);
    await expect(
      books.load('book-ana', { ...notes, cache: new FoldedStateCache<number>(2) }),
    ).rejects.toThrow(/personal fields/);
  });
});
