import { randomUUID } from 'node:crypto';
import { createTestDatabase, eventually, type TestDatabase } from '@santunan/testing';
import { PlatformDatabase } from '../database/platform-database';
import { EventStore, eventStoreMigrations, verifyEventStore } from '../event-store';
import { publishAllTo } from '../outbox';
import { REDACTED, isEncryptedField } from './encrypted-field';
import { PersonalDataCipher } from './personal-data-cipher';
import { PersonalDataIntegrityError, SubjectErasedError } from './personal-data.errors';
import { decryptPersonalFields, encryptPersonalFields } from './personal-payload';
import { PostgresSubjectKeyStore } from './postgres-subject-key-store';
import { SubjectKeyErasureListener } from './subject-key-erasure-listener';
import { KEY_DATABASE_MIGRATIONS } from './subject-keys.migration';

const PERSONAL_FIELDS = [
  'name',
  'nik',
  'address.street',
  'phone',
  'bankAccount.number',
  'heirs.*.name',
  'heirs.*.nik',
];

function participantRegistered(): Record<string, unknown> {
  return {
    participantId: 'P-0001',
    name: 'Siti Rahayu',
    nik: '5371014107900001',
    address: { street: 'Jl. El Tari No. 52', regency: 'Kota Kupang' },
    phone: '+6281234567890',
    bankAccount: { bank: 'BRI', number: '0123456789012345' },
    monthlyIncome: 2_500_000,
    heirs: [
      { name: 'Yohanes Rahayu', nik: '5371011203850002', relation: 'spouse' },
      { name: 'Maria Rahayu', nik: '5371015508120003', relation: 'child' },
    ],
  };
}

const officer = { id: 'dpo-1', kind: 'user', roles: ['admin'] } as const;


describe('personal data protection against the real PostgreSQL', () => {
  let keyTestDatabase: TestDatabase;
  let serviceTestDatabase: TestDatabase;
  // Two services' connections to the one shared key database, as two processes would have.
  let enrollmentKeys: PlatformDatabase;
  let claimsKeys: PlatformDatabase;
  let serviceDatabase: PlatformDatabase;
  let enrollment: PersonalDataCipher;
  let claims: PersonalDataCipher;
  let claimsListener: SubjectKeyErasureListener;

  beforeAll(async () => {
    keyTestDatabase = await createTestDatabase('subject_keys');
    serviceTestDatabase = await createTestDatabase('pii_events');
    enrollmentKeys = await new PlatformDatabase({
      url: keyTestDatabase.url,
      migrations: KEY_DATABASE_MIGRATIONS,
    }).open();
    await enrollmentKeys.migrate();
    claimsKeys = await new PlatformDatabase({ url: keyTestDatabase.url }).open();
    serviceDatabase = await new PlatformDatabase({
      url: serviceTestDatabase.url,
      migrations: eventStoreMigrations,
    }).open();
    await serviceDatabase.migrate();
    enrollment = new PersonalDataCipher(new PostgresSubjectKeyStore(enrollmentKeys));
    claims = new PersonalDataCipher(new PostgresSubjectKeyStore(claimsKeys));
    claimsListener = await SubjectKeyErasureListener.start(keyTestDatabase.url, claims);
  });

  afterAll(async () => {
    await claimsListener.stop();
    await Promise.all([enrollmentKeys.close(), claimsKeys.close(), serviceDatabase.close()]);
    await Promise.all([keyTestDatabase.drop(), serviceTestDatabase.drop()]);
  });

  it('encrypts the declared fields so that another service with the shared key database reads them back', async () => {
    const subject = `participant-${randomUUID()}`;
    const plain = participantRegistered();
    const stored = await encryptPersonalFields(enrollment, subject, plain, PERSONAL_FIELDS);

    const storedText = JSON.stringify(stored);
    for (const secret of [
      'Siti',
      'Jl. El Tari',
      '5371014107900001',
      '0123456789012345',
      'Yohanes',
      '+628',
    ]) {
      expect(storedText).not.toContain(secret);
    }
    expect(stored).toMatchObject({
      participantId: 'P-0001',
      monthlyIncome: 2_500_000,
      address: { regency: 'Kota Kupang' },
    });
    expect(isEncryptedField((stored['heirs'] as Array<Record<string, unknown>>)[1]?.['nik'])).toBe(
      true,
    );

    expect(await decryptPersonalFields(claims, stored)).toEqual(plain);
    const [row] = await enrollmentKeys.query<{ length: number }>(
      'select octet_length(key) as length from subject_keys where subject_id = $1',
      [subject],
    );
    expect(row?.length).toBe(32);
  });

  it('agrees on one key when two services meet a new subject at the same moment', async () => {
    const subject = `participant-${randomUUID()}`;
    const [fromEnrollment, fromClaims] = await Promise.all([
      enrollment.encrypt(subject, { name: 'Budi' }),
      claims.encrypt(subject, { name: 'Budi' }),
    ]);
    expect(await claims.decrypt(fromEnrollment['name'])).toBe('Budi');
    expect(await enrollment.decrypt(fromClaims['name'])).toBe('Budi');
  });

  it('loads a page of keys in one go, agreeing with one-at-a-time obtain and find', async () => {
    const [known, fresh, erased, unknown] = ['known', 'fresh', 'erased', 'unknown'].map(
      (name) => `participant-${name}-${randomUUID()}`,
    ) as [string, string, string, string];
    const { name } = await enrollment.encrypt(known, { name: 'Siti Rahayu' });
    await enrollment.erase(erased, { actor: officer, reason: 'test' });
    const store = new PostgresSubjectKeyStore(claimsKeys);

    const obtained = await store.obtainMany([known, fresh, known]);
    expect([...obtained.keys()].sort()).toEqual([fresh, known].sort());
    // The existing key is kept, the new one is the one a later obtain agrees on.
    expect(obtained.get(known)).toEqual(await store.obtain(known));
    expect(obtained.get(fresh)).toEqual(await store.obtain(fresh));

    const found = await store.findMany([known, erased, unknown]);
    expect(found.get(known)).toEqual(obtained.get(known));
    expect(found.get(erased)).toMatchObject({ state: 'erased' });
    expect(found.has(unknown)).toBe(false);

    const reader = new PersonalDataCipher(store);
    await reader.prepareKeys([known, erased, unknown]);
    expect(await reader.decrypt(name)).toBe('Siti Rahayu');
  });

  it('agrees on one key per subject when two services create a page of keys at the same moment', async () => {
    const subjects = Array.from({ length: 50 }, () => `participant-${randomUUID()}`);
    const [first, second] = await Promise.all([
      new PostgresSubjectKeyStore(enrollmentKeys).obtainMany(subjects),
      new PostgresSubjectKeyStore(claimsKeys).obtainMany([...subjects].reverse()),
    ]);
    expect(first.size).toBe(50);
    for (const subject of subjects) expect(second.get(subject)).toEqual(first.get(subject));
  });

  it('refuses a tampered ciphertext with a clear integrity error', async () => {
    const subject = `participant-${randomUUID()}`;
    const { nik } = await enrollment.encrypt(subject, { nik: '5371014107900001' });
    if (nik === undefined) throw new Error('expected the nik to be encrypted');
    const ct = Buffer.from(nik.ct, 'base64');
    ct[0] = (ct[0] ?? 0) ^ 0x01;

    const tampered = claims.decrypt({ ...nik, ct: ct.toString('base64') });
    await expect(tampered).rejects.toThrow(PersonalDataIntegrityError);
    await expect(claims.decrypt({ ...nik, ct: ct.toString('base64') })).rejects.toThrow(
      /personal field "nik" of subject .* failed its integrity check: authentication failed/,
    );
  });

  it('erasing the key redacts every field in every service, and refuses new personal data', async () => {
    const subject = `participant-${randomUUID()}`;
    const stored = await encryptPersonalFields(
      enrollment,
      subject,
      participantRegistered(),
      PERSONAL_FIELDS,
    );
    // Claims has the key cached before the erasure happens elsewhere.
    expect(await decryptPersonalFields(claims, stored)).toMatchObject({ name: 'Siti Rahayu' });

    await enrollment.erase(subject, {
      actor: officer,
      reason: 'UU PDP art. 8 erasure request #42',
    });

    const redacted = {
      ...participantRegistered(),
      name: REDACTED,
      nik: REDACTED,
      address: { street: REDACTED, regency: 'Kota Kupang' },
      phone: REDACTED,
      bankAccount: { bank: 'BRI', number: REDACTED },
      heirs: [
        { name: REDACTED, nik: REDACTED, relation: 'spouse' },
        { name: REDACTED, nik: REDACTED, relation: 'child' },
      ],
    };
    expect(await decryptPersonalFields(enrollment, stored)).toEqual(redacted);
    await eventually(async () =>
      expect(await decryptPersonalFields(claims, stored)).toEqual(redacted),
    );
    // A process with nothing cached reads the erasure straight from the key database.
    const fresh = new PersonalDataCipher(new PostgresSubjectKeyStore(claimsKeys));
    expect(await decryptPersonalFields(fresh, stored)).toEqual(redacted);

    await expect(enrollment.encrypt(subject, { name: 'Siti Rahayu' })).rejects.toThrow(
      SubjectErasedError,
    );
    await claims.erase(subject, { actor: { id: 'someone-else', kind: 'user' }, reason: 'again' });
    const [row] = await enrollmentKeys.query<{
      key: Buffer | null;
      erased_by: string;
      erasure_reason: string;
    }>('select key, erased_by, erasure_reason from subject_keys where subject_id = $1', [subject]);
    expect(row).toEqual({
      key: null,
      erased_by: 'dpo-1',
      erasure_reason: 'UU PDP art. 8 erasure request #42',
    });
  });

  it('leaves the event store hash chain verifiable after the erasure (the hash covers the stored, encrypted form)', async () => {
    const subject = `participant-${randomUUID()}`;
    const store = new EventStore({ topicFor: publishAllTo('enrollment.events') });
    const events = [
      participantRegistered(),
      { ...participantRegistered(), phone: '+6285200000000' },
    ];
    const encrypted = await Promise.all(
      events.map((data) => encryptPersonalFields(enrollment, subject, data, PERSONAL_FIELDS)),
    );
    await serviceDatabase.transaction((tx) =>
      store.append(tx, {
        streamId: subject,
        streamType: 'participant',
        expectedVersion: 0,
        events: encrypted.map((data, index) => ({
          eventId: randomUUID(),
          type: index === 0 ? 'ParticipantRegistered' : 'ParticipantCorrected',
          schemaVersion: 1,
          occurredAt: '2025-01-15T03:00:00.000Z',
          data,
        })),
        metadata: {
          correlationId: randomUUID(),
          causationId: null,
          actor: { id: 'alice', kind: 'user' },
        },
        recordedAt: '2025-01-15T03:00:01.000Z',
      }),
    );
    const storedBefore = await serviceDatabase.query(
      'select data, hash from events where stream_id = $1 order by version',
      [subject],
    );
    expect((await verifyEventStore(serviceDatabase)).problems).toEqual([]);

    await enrollment.erase(subject, { actor: officer, reason: 'erasure request #43' });

    const storedAfter = await serviceDatabase.query(
      'select data, hash from events where stream_id = $1 order by version',
      [subject],
    );
    expect(storedAfter).toEqual(storedBefore);
    const report = await verifyEventStore(serviceDatabase);
    expect(report.problems).toEqual([]);
    expect(report.eventsVerified).toBeGreaterThanOrEqual(2);
    const [first] = await store.readStream(serviceDatabase, subject);
    expect(
      await decryptPersonalFields(enrollment, first?.data as Record<string, unknown>),
    ).toMatchObject({
      participantId: 'P-0001',
      name: REDACTED,
      monthlyIncome: 2_500_000,
    });
  });
});
