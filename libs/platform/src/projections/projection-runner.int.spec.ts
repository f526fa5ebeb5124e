import { eventually } from '@santunan/testing';
import type { Transaction } from '../database/platform-database';
import type { EventEnvelope } from '../event-store/envelope';
import { EventStore } from '../event-store/event-store';
import { appendRequest, deferred, newEvent } from '../event-store/testing/event-fixtures';
import {
  openMigratedTestDatabase,
  type MigratedTestDatabase,
} from '../event-store/testing/migrated-test-database';
import { publishAllTo } from '../outbox/outbox-message';
import { collectingLogger } from '../outbox/testing/relay-probes';
import { readCheckpoint } from './checkpoints';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

interface SummaryRow {
  participant_id: string;
  name: string;
  monthly_income: string;
  income_changes: number;
  last_version: number;
}

/** An order-sensitive read model: the last income wins, every change is counted. */
const participantSummaries: Projection = {
  name: 'participant-summaries',
  handles: (type) => type === 'ParticipantRegistered' || type === 'ParticipantIncomeChanged',
  apply: async (tx: Transaction, event: EventEnvelope) => {
    const data = event.data as { name?: string; monthlyIncome: number };
    if (event.type === 'ParticipantRegistered') {
      await tx.query(
        `insert into participant_summaries (participant_id, name, monthly_income, income_changes, last_version)
         values ($1, $2, $3, 0, $4)`,
        [event.streamId, data.name, data.monthlyIncome, event.version],
      );
      return;
    }
    await tx.query(
      `update participant_summaries
          set monthly_income = $2, income_changes = income_changes + 1, last_version = $3
        where participant_id = $1`,
      [event.streamId, data.monthlyIncome, event.version],
    );
  },
  reset: async (tx: Transaction) => {
    await tx.query('delete from participant_summaries');
  },
};

describe('ProjectionRunner', () => {
  let db: MigratedTestDatabase;
  const store = new EventStore({ topicFor: publishAllTo('enrollment.events') });
  const runners: ProjectionRunner[] = [];

  beforeAll(async () => {
    db = await openMigratedTestDatabase('projections', 10);
    await db.database.query(`
      create table participant_summaries (
        participant_id text primary key,
        name           text not null,
        monthly_income bigint not null,
        income_changes integer not null,
        last_version   integer not null
      )`);
  });
  afterAll(async () => {
    await Promise.all(runners.map((runner) => runner.stop()));
    await db.close();
  });

  function runner(): ProjectionRunner {
    const created = new ProjectionRunner({
      database: db.database,
      store,
      projections: [participantSummaries],
      batchSize: 7,
      idlePollMs: 20,
      logger: collectingLogger(),
    });
    runners.push(created);
    return created;
  }

  async function readModel(): Promise<SummaryRow[]> {
    return db.database.query<SummaryRow>(
      'select * from participant_summaries order by participant_id',
    );
  }

  it('builds the same read model live, from two replicas while events are appended, as a rebuild from zero', async () => {
    const live = [runner(), runner()];
    live.forEach((replica) => replica.start());

    // One writer holds its transaction open while the others commit: the live runners
    // must wait for it rather than skip its events.
    const lateAppended = deferred();
    const commitLate = deferred();
    const late = db.database.transaction(async (tx) => {
      await store.append(
        tx,
        appendRequest(
          'participant-late',
          [newEvent('ParticipantRegistered', { name: 'Late Writer', monthlyIncome: 1_000_000 })],
          0,
        ),
      );
      lateAppended.resolve();
      await commitLate.promise;
    });
    await lateAppended.promise;

    const participants = Array.from({ length: 8 }, (_, i) => `participant-${i}`);
    const writers = participants.map(async (streamId, i) => {
      await db.database.transaction((tx) =>
        store.append(
          tx,
          appendRequest(
            streamId,
            [newEvent('ParticipantRegistered', { name: `Peserta ${i}`, monthlyIncome: 2_000_000 })],
            0,
          ),
        ),
      );
      for (let change = 1; change <= 5; change += 1) {
        await db.database.transaction((tx) =>
          store.append(
            tx,
            appendRequest(
              streamId,
              [
                newEvent('ParticipantIncomeChanged', {
                  monthlyIncome: 2_000_000 + change * 100_000 + i,
                }),
              ],
              change,
            ),
          ),
        );
      }
    });
    await Promise.all(writers);
    commitLate.resolve();
    await late;

    const everything = await eventually(async () => {
      const all = await store.readAll(db.database, { limit: 10_000 });
      expect(all).toHaveLength(participants.length * 6 + 1);
      return all;
    });
    await eventually(async () => {
      expect(await readCheckpoint(db.database, participantSummaries.name)).toEqual(
        everything.at(-1)?.position,
      );
    });
    await Promise.all(live.map((replica) => replica.stop()));
    const liveModel = await readModel();

    expect(liveModel).toHaveLength(participants.length + 1);
    expect(liveModel.find((row) => row.participant_id === 'participant-late')).toMatchObject({
      name: 'Late Writer',
    });
    for (const row of liveModel.filter(
      (candidate) => candidate.participant_id !== 'participant-late',
    )) {
      expect(row).toMatchObject({ income_changes: 5, last_version: 6 });
    }

    const replayed = await runner().rebuild(participantSummaries);
    expect(replayed).toBe(everything.length);
    expect(await readModel()).toEqual(liveModel);
  }, 300_000);

  it('rebuilds several projections in one pass, each event applied once to each, while a replica moves one of them', async () => {
    await db.database.query(
      'create table if not exists event_log (global_position bigint primary key, type text not null)',
    );
    // Applying an event twice would break the primary key; skipping one would show in the count.
    const eventLog: Projection = {
      name: 'event-log',
      handles: () => true,
      apply: async (tx, event) => {
        await tx.query('insert into event_log (global_position, type) values ($1, $2)', [
          event.globalPosition,
          event.type,
        ]);
      },
      reset: async (tx) => {
        await tx.query('delete from event_log');
      },
    };
    await runner().rebuild(participantSummaries);
    const alone = await readModel();
    const together = new ProjectionRunner({
      database: db.database,
      store,
      projections: [participantSummaries, eventLog],
      rebuildBatchSize: 5,
      logger: collectingLogger(),
    });
    // A replica following the log alone moves its checkpoint between the rebuild's pages.
    const replica = new ProjectionRunner({
      database: db.database,
      store,
      projections: [eventLog],
      batchSize: 3,
      idlePollMs: 5,
      logger: collectingLogger(),
    });
    runners.push(replica);
    const everything = await store.readAll(db.database, { limit: 10_000 });
    replica.start();
    const read = await together.rebuildTogether([participantSummaries, eventLog]);
    await replica.stop();

    expect(read).toBe(everything.length);
    expect(await readModel()).toEqual(alone);
    const logged = await db.database.query<{ global_position: string }>(
      'select global_position from event_log order by global_position',
    );
    expect(logged.map((row) => row.global_position)).toEqual(
      everything.map(({ event }) => event.globalPosition).sort((a, b) => Number(a) - Number(b)),
    );
    for (const projection of [participantSummaries, eventLog]) {
      expect(await readCheckpoint(db.database, projection.name)).toEqual(
        everything.at(-1)?.position,
      );
    }
  }, 300_000);

  it('catches up with every event committed before the call, even behind a transaction still in flight', async () => {
    // Another session's open transaction (here: any database on the server would do) holds the
    // snapshot horizon back, so readAll stops short of events committed after it began.
    const holder = db.database.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('select pg_current_xact_id()');
    await db.database.transaction((tx) =>
      store.append(
        tx,
        appendRequest(
          'participant-behind-horizon',
          [newEvent('ParticipantRegistered', { name: 'Behind', monthlyIncome: 1_000_000 })],
          0,
        ),
      ),
    );
    let caughtUp = false;
    const catchingUp = runner()
      .catchUp(participantSummaries)
      .then(() => (caughtUp = true));
    // Not before the holder ends: returning now would hide a committed event from the reader.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(caughtUp).toBe(false);
    await holder.commitTransaction();
    await holder.release();
    await catchingUp;
    expect(
      (await readModel()).find((row) => row.participant_id === 'participant-behind-horizon'),
    ).toMatchObject({ name: 'Behind' });
  }, 300_000);
});
