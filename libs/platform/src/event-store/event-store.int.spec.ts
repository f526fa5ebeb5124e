import fc from 'fast-check';
import { eventually } from '@santunan/testing';
import { toStoredJson } from './canonical-json';
import { EventStore } from './event-store';
import { ConcurrencyError, DuplicateEventError, InvalidAppendError } from './event-store.errors';
import { publishAllTo } from '../outbox/outbox-message';
import { appendRequest, deferred, newEvent } from './testing/event-fixtures';
import {
  openMigratedTestDatabase,
  type MigratedTestDatabase,
} from './testing/migrated-test-database';
import { verifyEventStore } from './verify-event-store';

describe('EventStore on PostgreSQL', () => {
  let db: MigratedTestDatabase;
  const store = new EventStore({ topicFor: publishAllTo('enrollment.events') });

  beforeAll(async () => {
    db = await openMigratedTestDatabase('event_store');
  });
  afterAll(async () => {
    await db.close();
  });

  it('appends a new stream and reads back exactly what append returned', async () => {
    const events = [
      newEvent('ParticipantRegistered', { name: 'Yohana Bria', nik: '5301014506900001' }),
      newEvent('ParticipantIncomeChanged', { monthlyIncome: 2_750_000 }),
    ];
    const appended = await db.database.transaction((tx) =>
      store.append(tx, appendRequest('participant-append', events, 0)),
    );

    expect(appended.map((event) => [event.version, event.type])).toEqual([
      [1, 'ParticipantRegistered'],
      [2, 'ParticipantIncomeChanged'],
    ]);
    expect(appended[0]?.previousHash).toBeNull();
    expect(appended[1]?.previousHash).toBe(appended[0]?.hash);
    expect(await store.readStream(db.database, 'participant-append')).toEqual(appended);
    expect(await store.readStream(db.database, 'participant-append', { fromVersion: 2 })).toEqual(
      appended.slice(1),
    );
  });

  it('keeps the exact ISO instants the hash covers (offset and microseconds survive timestamptz)', async () => {
    const occurredAt = '2025-03-01T08:15:30.123456+07:00';
    const recordedAt = '2025-03-01T01:15:31.5Z';
    const [appended] = await db.database.transaction((tx) =>
      store.append(
        tx,
        appendRequest(
          'participant-instants',
          [newEvent('ParticipantRegistered', {}, { occurredAt })],
          0,
          { recordedAt },
        ),
      ),
    );
    const [read] = await store.readStream(db.database, 'participant-instants');
    expect(read).toMatchObject({ occurredAt, recordedAt, hash: appended?.hash });
    const [columns] = await db.database.query<{ occurred_at: Date }>(
      `select occurred_at from events where stream_id = 'participant-instants'`,
    );
    expect(columns?.occurred_at.toISOString()).toBe('2025-03-01T01:15:30.123Z');
  });

  it('refuses a stale expected version with a ConcurrencyError naming both versions, writing nothing', async () => {
    await db.database.transaction((tx) =>
      store.append(
        tx,
        appendRequest('participant-stale', [newEvent('A', {}), newEvent('B', {})], 0),
      ),
    );
    const attempt = db.database.transaction((tx) =>
      store.append(tx, appendRequest('participant-stale', [newEvent('C', {})], 1)),
    );

    await expect(attempt).rejects.toThrow(ConcurrencyError);
    await expect(attempt).rejects.toMatchObject({
      streamId: 'participant-stale',
      expectedVersion: 1,
      actualVersion: 2,
      conflict: 'version-mismatch',
    });
    expect(await store.readStream(db.database, 'participant-stale')).toHaveLength(2);
  });

  it('lets exactly one of two racing writers win; the other gets a ConcurrencyError, never an overwrite', async () => {
    const firstAppended = deferred();
    const releaseFirst = deferred();
    const first = db.database.transaction(async (tx) => {
      const stored = await store.append(
        tx,
        appendRequest('participant-race', [newEvent('Won', { by: 'first' })], 0),
      );
      firstAppended.resolve();
      await releaseFirst.promise;
      return stored;
    });
    await firstAppended.promise;
    // Both read version 0; the second insert waits on the first's uncommitted row.
    const second = db.database.transaction((tx) =>
      store.append(tx, appendRequest('participant-race', [newEvent('Won', { by: 'second' })], 0)),
    );
    await eventually(async () => {
      const [waiting] = await db.database.query<{ count: string }>(
        `select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      expect(Number(waiting?.count)).toBeGreaterThan(0);
    });
    releaseFirst.resolve();

    await expect(first).resolves.toHaveLength(1);
    await expect(second).rejects.toMatchObject({
      name: 'ConcurrencyError',
      conflict: 'concurrent-append',
      actualVersion: null,
    });
    const stream = await store.readStream(db.database, 'participant-race');
    expect(stream.map((event) => event.data)).toEqual([{ by: 'first' }]);
  });

  it("appends after whatever is there with expectedVersion 'any'", async () => {
    await db.database.transaction((tx) =>
      store.append(tx, appendRequest('participant-any', [newEvent('A', {})], 'any')),
    );
    const [second] = await db.database.transaction((tx) =>
      store.append(tx, appendRequest('participant-any', [newEvent('B', {})], 'any')),
    );
    expect(second?.version).toBe(2);
  });

  it('refuses an event id that is already stored', async () => {
    const event = newEvent('ParticipantRegistered', {});
    await db.database.transaction((tx) =>
      store.append(tx, appendRequest('participant-dup-a', [event], 0)),
    );
    const again = db.database.transaction((tx) =>
      store.append(tx, appendRequest('participant-dup-b', [event], 0)),
    );
    await expect(again).rejects.toThrow(DuplicateEventError);
    await expect(again).rejects.toMatchObject({ eventId: event.eventId });
  });

  it('refuses to append to a stream of another type', async () => {
    await db.database.transaction((tx) =>
      store.append(tx, appendRequest('stream-typed', [newEvent('A', {})], 0)),
    );
    const wrongType = db.database.transaction((tx) =>
      store.append(
        tx,
        appendRequest('stream-typed', [newEvent('B', {})], 1, { streamType: 'Claim' }),
      ),
    );
    await expect(wrongType).rejects.toThrow(InvalidAppendError);
  });

  it('writes one outbox row per event in the same transaction, and none when the transaction rolls back', async () => {
    const appended = await db.database.transaction((tx) =>
      store.append(
        tx,
        appendRequest('participant-outbox', [newEvent('A', {}), newEvent('B', {})], 0),
      ),
    );
    await db.database
      .transaction(async (tx) => {
        await store.append(tx, appendRequest('participant-outbox', [newEvent('C', {})], 2));
        throw new Error('the command handler failed after appending');
      })
      .catch(() => undefined);

    const rows = await db.database.query<{
      event_id: string;
      topic: string;
      message_key: string;
      payload: string;
    }>(
      `select event_id, topic, message_key, payload from outbox where message_key = 'participant-outbox' order by id`,
    );
    expect(rows.map((row) => row.event_id)).toEqual(appended.map((event) => event.eventId));
    expect(rows.every((row) => row.topic === 'enrollment.events')).toBe(true);
    expect(JSON.parse(rows[0]?.payload ?? '')).toEqual(appended[0]);
  });

  it('stores any JSON so that its hash still verifies after the jsonb round trip', async () => {
    // jsonb reorders keys and reformats numbers (1e21, 1.5e-7, -0); the hash must not care.
    const storable = fc.jsonValue().filter((value) => !JSON.stringify(value).includes('\\u0000'));
    let stream = 0;
    await fc.assert(
      fc.asyncProperty(storable, async (data) => {
        stream += 1;
        const streamId = `participant-json-${stream}`;
        await db.database.transaction((tx) =>
          store.append(tx, appendRequest(streamId, [newEvent('Probe', data)], 0)),
        );
        const [read] = await store.readStream(db.database, streamId);
        expect(read?.data).toEqual(toStoredJson(data));
      }),
      {
        numRuns: 150,
        examples: [[{ z: 1e21, a: -0, m: [1.5e-7, 5e-324, 0.1, 9007199254740991], 'ké y': 'Rp' }]],
      },
    );
    const report = await verifyEventStore(db.database);
    expect(report.problems).toEqual([]);
  });
});
