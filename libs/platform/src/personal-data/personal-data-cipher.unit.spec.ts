import { REDACTED, isEncryptedField, type EncryptedField } from './encrypted-field';
import { InMemorySubjectKeyStore } from './in-memory-subject-key-store';
import { PersonalDataCipher } from './personal-data-cipher';
import {
  PersonalDataIntegrityError,
  SubjectErasedError,
  SubjectKeyNotFoundError,
} from './personal-data.errors';
import { decryptPersonalFields, encryptPersonalFields } from './personal-payload';

const erasure = { actor: { id: 'dpo-1', kind: 'user' }, reason: 'request' } as const;

async function encryptOne(
  cipher: PersonalDataCipher,
  subject: string,
  field: string,
  plain: string,
): Promise<EncryptedField> {
  const sealed = (await cipher.encrypt(subject, { [field]: plain }))[field];
  if (sealed === undefined) throw new Error('nothing encrypted');
  return sealed;
}

describe('PersonalDataCipher', () => {
  it('round-trips a value in the self-describing shape, with a fresh nonce each time', async () => {
    const cipher = new PersonalDataCipher(new InMemorySubjectKeyStore());
    const first = await encryptOne(cipher, 'p-1', 'name', 'Siti Rahayu');
    const second = await encryptOne(cipher, 'p-1', 'name', 'Siti Rahayu');
    expect(first).toEqual({
      $pii: 1,
      subject: 'p-1',
      field: 'name',
      iv: expect.any(String),
      ct: expect.any(String),
      tag: expect.any(String),
    });
    expect(Buffer.from(first.iv, 'base64')).toHaveLength(12);
    expect(first.iv).not.toBe(second.iv);
    expect(first.ct).not.toBe(second.ct);
    expect(await cipher.decrypt(first)).toBe('Siti Rahayu');
    expect(await cipher.decrypt(first, 'name')).toBe('Siti Rahayu');
  });

  it.each([
    [
      'the ciphertext',
      (value: EncryptedField) => ({ ...value, ct: Buffer.from('Siti Rahayv').toString('base64') }),
    ],
    [
      'the tag',
      (value: EncryptedField) => ({ ...value, tag: Buffer.alloc(16).toString('base64') }),
    ],
    ['the field it belongs to', (value: EncryptedField) => ({ ...value, field: 'motherName' })],
    ['the subject it belongs to', (value: EncryptedField) => ({ ...value, subject: 'p-2' })],
    [
      'the nonce length',
      (value: EncryptedField) => ({ ...value, iv: Buffer.alloc(8).toString('base64') }),
    ],
  ])('fails authentication when %s is altered', async (_part, alter) => {
    const cipher = new PersonalDataCipher(new InMemorySubjectKeyStore());
    const sealed = await encryptOne(cipher, 'p-1', 'name', 'Siti Rahayu');
    await encryptOne(cipher, 'p-2', 'name', 'someone else');
    await expect(cipher.decrypt(alter(sealed))).rejects.toThrow(PersonalDataIntegrityError);
  });

  it('refuses a value found on another field than it was encrypted for, when asked to check', async () => {
    const cipher = new PersonalDataCipher(new InMemorySubjectKeyStore());
    const sealed = await encryptOne(cipher, 'p-1', 'name', 'Siti Rahayu');
    await expect(cipher.decrypt(sealed, 'heirs.0.name')).rejects.toThrow(/encrypted for "name"/);
  });

  it('reads redacted after erasure and refuses to encrypt for the erased subject', async () => {
    const cipher = new PersonalDataCipher(new InMemorySubjectKeyStore());
    const sealed = await encryptOne(cipher, 'p-1', 'nik', '5371014107900001');
    await cipher.erase('p-1', erasure);
    expect(await cipher.decrypt(sealed)).toBe(REDACTED);
    await expect(cipher.encrypt('p-1', { nik: 'x' })).rejects.toThrow(SubjectErasedError);
  });

  it('fails loudly for a subject the key store has never seen (a wrong key database), not as redacted', async () => {
    const writer = new PersonalDataCipher(new InMemorySubjectKeyStore());
    const reader = new PersonalDataCipher(new InMemorySubjectKeyStore());
    await expect(reader.decrypt(await encryptOne(writer, 'p-1', 'name', 'x'))).rejects.toThrow(
      SubjectKeyNotFoundError,
    );
  });

  it('serves keys from memory until the TTL passes or the subject is forgotten', async () => {
    const keys = new InMemorySubjectKeyStore();
    let now = 0;
    const cipher = new PersonalDataCipher(keys, { keyCacheTtlMs: 1_000, clock: () => now });
    const sealed = await encryptOne(cipher, 'p-1', 'name', 'x');
    await cipher.decrypt(sealed);
    await cipher.decrypt(sealed);
    expect(keys.lookups).toBe(1);
    now = 1_000;
    await cipher.decrypt(sealed);
    expect(keys.lookups).toBe(2);
    cipher.forget('p-1');
    await cipher.decrypt(sealed);
    expect(keys.lookups).toBe(3);
  });

  it('holds at most maxCachedKeys keys', async () => {
    const keys = new InMemorySubjectKeyStore();
    const cipher = new PersonalDataCipher(keys, { maxCachedKeys: 2 });
    const sealed = await Promise.all(
      ['p-1', 'p-2', 'p-3'].map((subject) => encryptOne(cipher, subject, 'name', subject)),
    );
    expect(keys.lookups).toBe(3);
    await cipher.decrypt(sealed[2]); // cached
    await cipher.decrypt(sealed[0]); // evicted as the oldest
    expect(keys.lookups).toBe(4);
  });
});

describe('PersonalDataCipher.prepareKeys', () => {
  it('asks the store once for a page of subjects, after which sealing and opening ask nothing', async () => {
    const keys = new InMemorySubjectKeyStore();
    const obtainMany = jest.spyOn(keys, 'obtainMany');
    const findMany = jest.spyOn(keys, 'findMany');
    const writer = new PersonalDataCipher(keys);
    await writer.prepareKeys(['p-1', 'p-2', 'p-1'], 'obtain');
    expect(obtainMany).toHaveBeenCalledTimes(1);
    expect(obtainMany).toHaveBeenCalledWith(['p-1', 'p-2']);
    const lookups = keys.lookups;
    const sealed = await encryptOne(writer, 'p-2', 'name', 'Yohanes');
    expect(keys.lookups).toBe(lookups);

    const reader = new PersonalDataCipher(keys);
    await reader.prepareKeys(['p-2', 'p-unknown']);
    expect(findMany).toHaveBeenCalledTimes(1);
    const afterPrepare = keys.lookups;
    expect(await reader.decrypt(sealed, 'name')).toBe('Yohanes');
    expect(keys.lookups).toBe(afterPrepare);
    // Cached keys are not asked for again; an unknown subject is still reported by decrypt.
    await reader.prepareKeys(['p-2']);
    expect(findMany).toHaveBeenCalledTimes(1);
    await expect(reader.decrypt({ ...sealed, subject: 'p-unknown' })).rejects.toThrow(
      SubjectKeyNotFoundError,
    );
  });

  it('does not cache keys loaded while an erasure evicted one', async () => {
    const keys = new InMemorySubjectKeyStore();
    const writer = new PersonalDataCipher(keys);
    const sealed = await encryptOne(writer, 'p-1', 'name', 'Siti Rahayu');
    const reader = new PersonalDataCipher(keys);
    const findMany = keys.findMany.bind(keys);
    jest.spyOn(keys, 'findMany').mockImplementation(async (subjectIds) => {
      const found = await findMany(subjectIds);
      // Erased elsewhere while the page's keys were on their way.
      await keys.erase('p-1', erasure);
      reader.forget('p-1');
      return found;
    });
    await reader.prepareKeys(['p-1']);
    expect(await reader.decrypt(sealed)).toBe(REDACTED);
  });

  it('works with a store that has no batch lookups, one subject at a time', async () => {
    const keys = new InMemorySubjectKeyStore();
    const plain = {
      obtain: keys.obtain.bind(keys),
      find: keys.find.bind(keys),
      erase: keys.erase.bind(keys),
    };
    const cipher = new PersonalDataCipher(plain);
    await cipher.prepareKeys(['p-1', 'p-2'], 'obtain');
    expect(keys.lookups).toBe(2);
    const sealed = await encryptOne(cipher, 'p-1', 'name', 'Budi');
    expect(await cipher.decrypt(sealed)).toBe('Budi');
    expect(keys.lookups).toBe(2);
  });
});

describe('personal payload helpers', () => {
  const payload = {
    participantId: 'P-1',
    name: 'Siti Rahayu',
    address: { street: 'Jl. El Tari 52', regency: 'Kota Kupang' },
    phone: null,
    heirs: [
      { name: 'Yohanes', relation: 'spouse' },
      { name: 'Maria', relation: 'child' },
    ],
  };

  it('encrypts exactly the declared paths, skipping absent and null ones, and reveals them again', async () => {
    const cipher = new PersonalDataCipher(new InMemorySubjectKeyStore());
    const paths = ['name', 'address.street', 'phone', 'email', 'heirs.*.name'];
    const stored = await encryptPersonalFields(cipher, 'p-1', payload, paths);

    expect(stored).toMatchObject({
      participantId: 'P-1',
      address: { regency: 'Kota Kupang' },
      phone: null,
    });
    expect(stored).not.toHaveProperty('email');
    const heirs = stored['heirs'] as Array<Record<string, unknown>>;
    expect(heirs.map((heir) => isEncryptedField(heir['name']))).toEqual([true, true]);
    expect(heirs[1]?.['name']).toMatchObject({ field: 'heirs.1.name' });
    expect(payload.name).toBe('Siti Rahayu'); // the input is left alone

    expect(await decryptPersonalFields(cipher, stored)).toEqual(payload);
    // Encrypting the stored form again changes nothing (upcasters may run twice).
    expect(await encryptPersonalFields(cipher, 'p-1', stored, paths)).toEqual(stored);
  });

  it('refuses to encrypt a declared field that is not a string', async () => {
    const cipher = new PersonalDataCipher(new InMemorySubjectKeyStore());
    await expect(
      encryptPersonalFields(cipher, 'p-1', { nik: 5371014107900001 }, ['nik']),
    ).rejects.toThrow(/personal field "nik" must be a string/);
  });
});
