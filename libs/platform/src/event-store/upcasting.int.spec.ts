import { eventually } from '@santunan/testing';
import { EventStore } from './event-store';
import { publishAllTo } from '../outbox/outbox-message';
import { appendRequest, newEvent } from './testing/event-fixtures';
import {
  openMigratedTestDatabase,
  type MigratedTestDatabase,
} from './testing/migrated-test-database';
import { UpcasterRegistry } from './upcaster-registry';
import { verifyEventStore } from './verify-event-store';

interface RegisteredV1 {
  readonly fullName: string;
  readonly nik: string;
}
interface RegisteredV2 {
  readonly name: string;
  readonly nik: string;
}
interface RegisteredV3 extends RegisteredV2 {
  readonly heirsDesignated: boolean;
}

describe('upcasting on read', () => {
  let db: MigratedTestDatabase;
  const topicFor = publishAllTo('enrollment.events');
  // The code that wrote the old shapes: no upcasters.
  const oldWriter = new EventStore({ topicFor });
  const upcasters = new UpcasterRegistry()
    .register<
      RegisteredV1,
      RegisteredV2
    >('ParticipantRegistered', 1, ({ fullName, nik }) => ({ name: fullName, nik }))
    .register<
      RegisteredV2,
      RegisteredV3
    >('ParticipantRegistered', 2, (data) => ({ ...data, heirsDesignated: false }));
  const currentReader = new EventStore({ topicFor, upcasters });

  beforeAll(async () => {
    db = await openMigratedTestDatabase('upcasting');
    await db.database.transaction(async (tx) => {
      await oldWriter.append(
        tx,
        appendRequest(
          'participant-v1',
          [newEvent('ParticipantRegistered', { fullName: 'Maria Nenobais', nik: '5301' })],
          0,
        ),
      );
      await oldWriter.append(
        tx,
        appendRequest(
          'participant-v2',
          [
            newEvent(
              'ParticipantRegistered',
              { name: 'Agus Lake', nik: '5302' },
              { schemaVersion: 2 },
            ),
          ],
          0,
        ),
      );
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it('renames a field and adds a defaulted one when reading a stream', async () => {
    const [fromV1] = await currentReader.readStream(db.database, 'participant-v1');
    expect(fromV1).toMatchObject({
      schemaVersion: 3,
      data: { name: 'Maria Nenobais', nik: '5301', heirsDesignated: false },
    });
    const [fromV2] = await currentReader.readStream(db.database, 'participant-v2');
    expect(fromV2).toMatchObject({
      schemaVersion: 3,
      data: { name: 'Agus Lake', nik: '5302', heirsDesignated: false },
    });
  });

  it('upcasts in readAll as well', async () => {
    // readAll waits behind the cluster-wide transaction horizon: another session's open
    // transaction delays (never hides) what it returns, so poll rather than read once.
    await eventually(async () => {
      const all = await currentReader.readAll(db.database);
      expect(all.map(({ event }) => event.schemaVersion)).toEqual([3, 3]);
    });
  });

  it('keeps the stored shape in the table, so the hash chain still verifies', async () => {
    const [stored] = await oldWriter.readStream(db.database, 'participant-v1');
    expect(stored).toMatchObject({
      schemaVersion: 1,
      data: { fullName: 'Maria Nenobais', nik: '5301' },
    });
    expect((await verifyEventStore(db.database)).problems).toEqual([]);
  });
});
