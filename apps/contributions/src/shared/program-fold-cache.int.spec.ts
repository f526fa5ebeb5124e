import type { SponsorProgramEvent } from '@santunan/contracts';
import type { SponsorProgramState } from '@santunan/contributions-domain';
import {
  EventSourcedRepository,
  EventStore,
  FoldedStateCache,
  InMemorySubjectKeyStore,
  PersonalDataCipher,
  PlatformDatabase,
  SERVICE_DATABASE_MIGRATIONS,
  fixedClock,
  publishAllTo,
  uuidIds,
  type Actor,
} from '@santunan/platform';
import { createTestDatabase, type TestDatabase } from '@santunan/testing';
import { ContributionsContext } from './contributions-context';
import { SPONSOR_PROGRAM_STREAM } from './contribution-streams';
import { SponsorPrograms } from './sponsor-programs';

const actor: Actor = { id: 'operator-1', kind: 'user', roles: ['sponsor-operator'] };
const meta = { actor, correlationId: 'c-1' };
const PROGRAM = {
  type: 'OpenSponsorProgram',
  programId: 'p-1',
  name: 'Program',
  sponsorType: 'regency',
  pksNumber: 'PKS/1',
  budget: 1_000 * 201_600,
  firstMonth: '2026-01',
  lastMonth: '2026-12',
} as const;

/** Counts the rows each stream read returns, to see what a cached load costs. */
class CountingStore extends EventStore {
  rowsRead = 0;

  override async readStream(...args: Parameters<EventStore['readStream']>) {
    const rows = await super.readStream(...args);
    this.rowsRead += rows.length;
    return rows;
  }
}

describe('Sponsor programs on the platform write path, with a folded-state cache (real PostgreSQL)', () => {
  let testDatabase: TestDatabase;
  let database: PlatformDatabase;
  const clock = fixedClock('2025-12-10T03:00:00Z');
  const context = new ContributionsContext(clock);
  const store = new CountingStore({ topicFor: publishAllTo('int.streams') });
  const cipher = new PersonalDataCipher(new InMemorySubjectKeyStore());
  const repository = () =>
    new EventSourcedRepository<SponsorProgramEvent>(
      database,
      store,
      cipher,
      SPONSOR_PROGRAM_STREAM,
      clock,
      uuidIds,
    );
  const programsWith = (cache: FoldedStateCache<SponsorProgramState> | null) =>
    new SponsorPrograms(repository(), context, cache ?? undefined);
  const enrol = (programs: SponsorPrograms, index: number) =>
    programs.handle(
      'p-1',
      { type: 'EnrolParticipant', participantId: `w-${index}`, fromMonth: '2026-01' },
      meta,
    );

  beforeAll(async () => {
    testDatabase = await createTestDatabase('streams');
    database = new PlatformDatabase({
      url: testDatabase.url,
      migrations: [...SERVICE_DATABASE_MIGRATIONS],
    });
    await database.open();
    await database.migrate();
  });

  afterAll(async () => {
    await database.close();
    await testDatabase.drop();
  });

  it('reads only what was appended since the cached version, and folds to the uncached state', async () => {
    const cached = programsWith(new FoldedStateCache(4));
    await cached.handle('p-1', PROGRAM, meta);
    for (let index = 1; index <= 50; index += 1) await enrol(cached, index);
    store.rowsRead = 0;
    await enrol(cached, 51);
    // The rows of the two cached folds (to check their hashes) and nothing older, of 52.
    expect(store.rowsRead).toBe(2);

    const uncached = programsWith(null);
    const [fromCache, fromStore] = [await cached.load('p-1'), await uncached.load('p-1')];
    expect(fromCache.version).toBe(52);
    expect(fromCache).toEqual(fromStore);
  });

  it('sees what another process appended, and decides on it', async () => {
    const here = programsWith(new FoldedStateCache(4));
    const elsewhere = programsWith(new FoldedStateCache(4));
    await here.load('p-1');
    await enrol(elsewhere, 52);
    const result = await enrol(here, 52);
    expect(result).toMatchObject({ ok: true, events: [] });
    const state = (await here.load('p-1')).state;
    expect(state.status === 'open' && state.activeEnrolments).toBe(52);
  });

  it('recovers from a cached write that rolled back', async () => {
    const cache = new FoldedStateCache<SponsorProgramState>(4);
    const programs = programsWith(cache);
    await expect(
      database.transaction(async (tx) => {
        await programs.handle(
          'p-1',
          { type: 'EnrolParticipant', participantId: 'w-rolled-back', fromMonth: '2026-01' },
          meta,
          tx,
        );
        throw new Error('the caller fails after the append');
      }),
    ).rejects.toThrow('the caller fails');
    // Another writer takes the version the rolled-back write had cached.
    await enrol(programsWith(null), 53);
    const loaded = await programs.load('p-1');
    const state = loaded.state;
    expect(state.status === 'open' && state.enrolments.has('w-rolled-back')).toBe(false);
    expect(state.status === 'open' && state.enrolments.has('w-53')).toBe(true);
    expect(loaded).toEqual(await programsWith(null).load('p-1'));
  });

  it('decides racing commands one after the other', async () => {
    const [a, b] = [programsWith(new FoldedStateCache(4)), programsWith(new FoldedStateCache(4))];
    await Promise.all([a.load('p-1'), b.load('p-1')]);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) => enrol(index % 2 === 0 ? a : b, 100 + index)),
    );
    expect(results.every((result) => result.ok && result.events.length === 1)).toBe(true);
    const numbers = (await programsWith(null).load('p-1')).state;
    if (numbers.status === 'not-opened') throw new Error('no program');
    const enrolmentNumbers = [...numbers.enrolments.values()]
      .map((e) => e.enrolmentNumber)
      .sort((x, y) => x - y);
    expect(enrolmentNumbers).toEqual(
      Array.from({ length: enrolmentNumbers.length }, (_, i) => i + 1),
    );
  });

  it('decides a batch with one read and one append, in order per stream, with refusals apart', async () => {
    const streams = repository();
    const programs = new SponsorPrograms(streams, context, new FoldedStateCache(4));
    const open = (programId: string) =>
      programs.request(programId, { ...PROGRAM, programId }, meta);
    const enrolIn = (programId: string, participantId: string) =>
      programs.request(
        programId,
        { type: 'EnrolParticipant', participantId, fromMonth: '2026-01' },
        meta,
      );
    const results = await streams.handleMany([
      open('batch-a'),
      enrolIn('batch-a', 'w-1'),
      enrolIn('batch-b', 'w-2'), // not opened: refused, the others go on
      enrolIn('batch-a', 'w-1'), // already enrolled: refused or no events, never twice
      open('batch-c'),
    ]);
    expect(results.map((result) => (result.ok ? result.events.length : 'refused'))).toEqual([
      1,
      1,
      'refused',
      results[3]?.ok ? 0 : 'refused',
      1,
    ]);
    expect(results[1]?.version).toBe(2);
    const fresh = programsWith(null);
    const a = await fresh.load('batch-a');
    expect(a.version).toBe(2);
    expect(a.state).toEqual(results[1]?.state);
    expect((await fresh.load('batch-b')).version).toBe(0);
    expect((await fresh.load('batch-c')).version).toBe(1);
  });
});
