import { EventStore } from './event-store';
import { eventHash } from './event-hash';
import { hashedFieldsOf, type EventRow } from './event-row';
import { publishAllTo } from '../outbox/outbox-message';
import { appendRequest, newEvent } from './testing/event-fixtures';
import {
  openMigratedTestDatabase,
  type MigratedTestDatabase,
} from './testing/migrated-test-database';
import { verifyEventStore, verifyEventStreams } from './verify-event-store';
import type { VerificationProblem } from './verify-stream';

describe('tamper evidence: verifyEventStore against rows edited in PostgreSQL', () => {
  let db: MigratedTestDatabase;
  const store = new EventStore({ topicFor: publishAllTo('claims.events') });

  beforeAll(async () => {
    db = await openMigratedTestDatabase('tamper_evidence');
  });
  afterAll(async () => {
    await db.close();
  });

  /** A claim stream of `count` events, each in its own transaction as commands would write them. */
  async function claimStream(streamId: string, count = 4): Promise<void> {
    for (let version = 1; version <= count; version += 1) {
      await db.database.transaction((tx) =>
        store.append(
          tx,
          appendRequest(
            streamId,
            [newEvent('ClaimStepRecorded', { step: version, amount: 1_000_000 * version })],
            version - 1,
            { streamType: 'Claim' },
          ),
        ),
      );
    }
  }

  async function problemsOf(streamId: string): Promise<VerificationProblem[]> {
    const report = await verifyEventStore(db.database, { pageSize: 3 });
    return report.problems.filter((problem) => problem.streamId === streamId);
  }

  it('verifies an untouched store, counting every event and stream across pages', async () => {
    await claimStream('claim-intact-1');
    await claimStream('claim-intact-2', 3);
    const report = await verifyEventStore(db.database, { pageSize: 3 });
    expect(report).toEqual({ eventsVerified: 7, streamsVerified: 2, problems: [] });
  });

  it('reports a payout amount edited in place with its exact stream and version', async () => {
    await claimStream('claim-edited');
    await db.database.query(
      `update events set data = jsonb_set(data, '{amount}', '70000000') where stream_id = 'claim-edited' and version = 3`,
    );
    expect(await problemsOf('claim-edited')).toEqual([
      {
        kind: 'altered',
        streamId: 'claim-edited',
        version: 3,
        detail: 'the stored fields no longer match the event hash',
      },
    ]);
  });

  it('reports a deleted middle event as removed', async () => {
    await claimStream('claim-deleted');
    await db.database.query(`delete from events where stream_id = 'claim-deleted' and version = 2`);
    expect(await problemsOf('claim-deleted')).toEqual([
      { kind: 'removed', streamId: 'claim-deleted', version: 2, detail: 'version 2 is missing' },
    ]);
  });

  it('reports two swapped events as reordered', async () => {
    await claimStream('claim-swapped');
    // Three steps: the unique (stream_id, version) constraint forbids a direct swap.
    for (const [from, to] of [
      [2, 1000],
      [3, 2],
      [1000, 3],
    ] as const) {
      await db.database.query(
        `update events set version = $2 where stream_id = 'claim-swapped' and version = $1`,
        [from, to],
      );
    }
    expect(await problemsOf('claim-swapped')).toEqual([
      expect.objectContaining({
        kind: 'reordered',
        version: 2,
        detail: 'stored as version 2 but written as version 3',
      }),
      expect.objectContaining({
        kind: 'reordered',
        version: 3,
        detail: 'stored as version 3 but written as version 2',
      }),
    ]);
  });

  it('reports an event rewritten with a recomputed hash as a broken chain at the next version', async () => {
    await claimStream('claim-forged');
    const [row] = await db.database.query<EventRow>(
      `select * from events where stream_id = 'claim-forged' and version = 2`,
    );
    const forgedData = { step: 2, amount: 99_000_000 };
    const forgedHash = eventHash({ ...hashedFieldsOf(row!), data: forgedData });
    await db.database.query(
      `update events set data = $1, hash = $2 where stream_id = 'claim-forged' and version = 2`,
      [JSON.stringify(forgedData), forgedHash],
    );
    expect(await problemsOf('claim-forged')).toEqual([
      expect.objectContaining({ kind: 'broken-chain', version: 3 }),
    ]);
  });

  it('reports a shifted occurred_at column, which "as of" queries rely on', async () => {
    await claimStream('claim-backdated', 2);
    await db.database.query(
      `update events set occurred_at = occurred_at - interval '1 day' where stream_id = 'claim-backdated' and version = 1`,
    );
    expect(await problemsOf('claim-backdated')).toEqual([
      expect.objectContaining({ kind: 'altered', version: 1 }),
    ]);
  });
  it('verifies only the named streams: one intact, one edited, one unknown', async () => {
    await claimStream('claim-named-intact', 2);
    await claimStream('claim-named-edited', 3);
    await db.database.query(
      `update events set data = jsonb_set(data, '{amount}', '1') where stream_id = 'claim-named-edited' and version = 2`,
    );
    const results = await verifyEventStreams(db.database, [
      'claim-named-intact',
      'claim-named-edited',
      'claim-named-intact',
      'claim-never-written',
    ]);
    expect(results).toEqual([
      {
        streamId: 'claim-named-edited',
        eventsVerified: 3,
        problems: [
          {
            kind: 'altered',
            streamId: 'claim-named-edited',
            version: 2,
            detail: 'the stored fields no longer match the event hash',
          },
        ],
      },
      { streamId: 'claim-named-intact', eventsVerified: 2, problems: [] },
      { streamId: 'claim-never-written', eventsVerified: 0, problems: [] },
    ]);
  });
});
