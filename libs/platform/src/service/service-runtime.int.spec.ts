import { Client } from 'pg';
import { verifyEventSignature } from '@santunan/contracts';
import {
  createTestDatabase,
  eventually,
  type TestDatabase,
  testEventKeyring,
  testEventSigning,
  testKafkaConnection,
  testMessaging,
  uniqueName,
} from '@santunan/testing';
import { authConfig } from '../auth/auth-config';
import { decodeHashedEnvelope } from '../consumers/envelope-decoder';
import type { IncomingMessage } from '../messaging/messages';
import type { Actor } from '../event-store/envelope';
import { isEncryptedField } from '../personal-data/encrypted-field';
import type { BoundDecider, DomainDecision } from './event-sourced-repository';
import { ServiceRuntime } from './service-runtime';

// A tiny aggregate with one personal field, to drive the write side end to end.
type NoteEvent = { type: 'NoteWritten'; data: { noteId: string; author: string; text: string } };
type NoteCommand = { type: 'WriteNote'; noteId: string; author: string; text: string };
type NoteState = { notes: number };

const notes: BoundDecider<NoteCommand, NoteEvent, NoteState> = {
  initialState: () => ({ notes: 0 }),
  evolve: (state) => ({ notes: state.notes + 1 }),
  decide: (command, state): DomainDecision<NoteEvent> =>
    state.notes >= 3
      ? { ok: false, rejection: { code: 'TOO_MANY_NOTES', message: 'three notes at most' } }
      : {
          ok: true,
          events: [
            {
              type: 'NoteWritten',
              data: { noteId: command.noteId, author: command.author, text: command.text },
            },
          ],
        },
};
const definition = {
  streamType: 'note-book',
  schemaVersions: { NoteWritten: 1 },
  personalDataPaths: { NoteWritten: ['author'] },
};
const actor: Actor = { id: 'officer-1', kind: 'user', roles: ['enrollment-officer'] };

describe('ServiceRuntime and its event-sourced write side', () => {
  let serviceDb: TestDatabase;
  let keyDb: TestDatabase;
  let runtime: ServiceRuntime;
  const topic = uniqueName('int.runtime.events');

  beforeAll(async () => {
    serviceDb = await createTestDatabase('svc_runtime');
    keyDb = await createTestDatabase('svc_runtime_keys');
    runtime = await ServiceRuntime.start({
      config: {
        serviceName: 'runtime-test',
        httpPort: 0,
        databaseUrl: serviceDb.url,
        keyDatabaseUrl: keyDb.url,
        ...testKafkaConnection(),
        ...testEventSigning('testing'),
        auth: authConfig({ secret: 'x'.repeat(32) }),
      },
      topic,
    });
  });

  afterAll(async () => {
    await runtime.stop();
    await serviceDb.drop();
    await keyDb.drop();
  });

  it('decides, encrypts personal fields in the stored row, and reads them back in clear', async () => {
    const repository = runtime.repository<NoteEvent>(definition);
    const result = await repository.handle({
      streamId: 'book-1',
      decider: notes,
      command: { type: 'WriteNote', noteId: 'n-1', author: 'Maria Bria', text: 'first' },
      actor,
      correlationId: 'c-1',
      dataSubjectId: 'subject-1',
    });
    expect(result).toMatchObject({ ok: true, version: 1, state: { notes: 1 } });

    const client = new Client({ connectionString: serviceDb.url });
    await client.connect();
    const { rows } = await client.query<{
      data: { author: unknown; text: string };
      metadata: { actor: Actor };
    }>(`select data, metadata from events where stream_id = 'book-1'`);
    await client.end();
    expect(isEncryptedField(rows[0]!.data.author)).toBe(true);
    expect(JSON.stringify(rows[0]!.data)).not.toContain('Maria');
    expect(rows[0]!.data.text).toBe('first');
    expect(rows[0]!.metadata.actor).toEqual(actor);

    const [stored] = await runtime.store.readStream(runtime.database, 'book-1');
    expect(await repository.toDomainEvent(stored!)).toEqual({
      type: 'NoteWritten',
      data: { noteId: 'n-1', author: 'Maria Bria', text: 'first' },
    });
  });

  it('decides concurrent commands one after the other, on the state the other left', async () => {
    const repository = runtime.repository<NoteEvent>(definition);
    const write = (i: number) =>
      repository.handle({
        streamId: 'book-2',
        decider: notes,
        command: { type: 'WriteNote', noteId: `n-${i}`, author: 'Yohanes', text: `note ${i}` },
        actor,
        correlationId: `c-${i}`,
        dataSubjectId: 'subject-2',
      });
    const results = await Promise.all([1, 2, 3, 4, 5].map(write));
    // Three fit in the book; the other two see a full book and are refused, nothing lost or doubled.
    expect(results.filter((r) => r.ok).length).toBe(3);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.rejection.code)).toEqual([
      'TOO_MANY_NOTES',
      'TOO_MANY_NOTES',
    ]);
    expect(await runtime.store.readStream(runtime.database, 'book-2')).toHaveLength(3);
  });

  it('decides within a transaction the caller owns: its events commit or roll back with it', async () => {
    const repository = runtime.repository<NoteEvent>(definition);
    const write = (i: number) => ({
      streamId: 'book-3',
      decider: notes,
      command: {
        type: 'WriteNote' as const,
        noteId: `n-${i}`,
        author: 'Yohanes',
        text: `note ${i}`,
      },
      actor,
      correlationId: `c-${i}`,
      dataSubjectId: 'subject-3',
    });
    await expect(
      runtime.database.transaction(async (tx) => {
        expect(await repository.handleWithin(tx, write(1))).toMatchObject({ ok: true, version: 1 });
        throw new Error('the caller changes its mind');
      }),
    ).rejects.toThrow('the caller changes its mind');
    expect(await runtime.store.readStream(runtime.database, 'book-3')).toHaveLength(0);
    await runtime.database.transaction((tx) => repository.handleWithin(tx, write(2)));
    expect(await runtime.store.readStream(runtime.database, 'book-3')).toHaveLength(1);
  });

  it('publishes what it appended through the outbox', async () => {
    await runtime.waitUntilPublished(180_000);
    const pending = await runtime.database.query<{ count: string }>('select count(*) from outbox');
    expect(pending).toEqual([{ count: '0' }]);
  });

  it('publishes each event signed with its own key over the bytes it sends, carrying the hash consumers recompute', async () => {
    await runtime.waitUntilPublished(180_000);
    const received: IncomingMessage[] = [];
    const subscription = await testMessaging('runtime-int-reader').subscribe({
      groupId: uniqueName('int.runtime.reader'),
      topics: [topic],
      fromBeginning: true,
      handle: async (message) => void received.push(message),
    });
    try {
      await eventually(() => expect(received.length).toBeGreaterThan(0));
    } finally {
      await subscription.stop();
    }
    for (const message of received) {
      expect(message.headers['signature-key-id']).toBe('test-testing');
      expect(verifyEventSignature(testEventKeyring, message)).toMatchObject({ ok: true });
      const { envelope, recomputedHash } = decodeHashedEnvelope(message.value);
      expect(recomputedHash).toBe(envelope.hash);
    }
  });
});
