import { canonicalJson, NotJsonError, toStoredJson } from './canonical-json';
import { eventHash, type HashedEventFields } from './event-hash';

describe('canonicalJson', () => {
  it.each([
    [
      'sorts keys recursively',
      { b: 1, a: { d: [1, { z: 0, y: 1 }], c: null } },
      '{"a":{"c":null,"d":[1,{"y":1,"z":0}]},"b":1}',
    ],
    ['keeps array order', [3, 1, 2], '[3,1,2]'],
    [
      'writes numbers in their shortest form',
      { big: 1e21, small: 1.5e-7, whole: 100 },
      '{"big":1e+21,"small":1.5e-7,"whole":100}',
    ],
    ['escapes strings as JSON does', { 'ké"y': 'Rp 1.000\n' }, '{"ké\\"y":"Rp 1.000\\n"}'],
    ['prints scalars', true, 'true'],
  ])('%s', (_case, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('does not depend on the order keys were inserted in', () => {
    expect(canonicalJson({ nik: '5301', name: 'Yohana' })).toBe(
      canonicalJson({ name: 'Yohana', nik: '5301' }),
    );
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ amount: Number.NaN })).toThrow(NotJsonError);
  });
});

describe('toStoredJson', () => {
  it('keeps what JSON.stringify keeps', () => {
    expect(toStoredJson({ kept: 1, dropped: undefined, list: [undefined] })).toEqual({
      kept: 1,
      list: [null],
    });
  });

  it.each([
    ['an infinite amount', { amount: Number.POSITIVE_INFINITY }],
    ['a NaN nested in an array', { rates: [1, Number.NaN] }],
    ['undefined itself', undefined],
  ])('refuses %s instead of storing null', (_case, value) => {
    expect(() => toStoredJson(value)).toThrow(NotJsonError);
  });
});

describe('eventHash', () => {
  const fields: HashedEventFields = {
    eventId: '0b9f6c1e-8f51-4a4e-9a55-3d1c8a0b7e11',
    streamId: 'participant-5301',
    streamType: 'Participant',
    version: 1,
    type: 'ParticipantRegistered',
    schemaVersion: 1,
    data: { name: 'Yohana', declaredIncome: 2_500_000 },
    metadata: { correlationId: 'c', causationId: null, actor: { id: 'u', kind: 'user' } },
    occurredAt: '2025-03-01T08:00:00+07:00',
    recordedAt: '2025-03-01T01:15:31.250Z',
    previousHash: null,
  };

  it('is SHA-256 hex and ignores key order inside data', () => {
    const hash = eventHash(fields);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash({ ...fields, data: { declaredIncome: 2_500_000, name: 'Yohana' } })).toBe(
      hash,
    );
  });

  it.each<[string, Partial<HashedEventFields>]>([
    ['data', { data: { name: 'Yohana', declaredIncome: 2_500_001 } }],
    ['version', { version: 2 }],
    ['previousHash', { previousHash: 'a'.repeat(64) }],
    ['recordedAt', { recordedAt: '2025-03-01T01:15:31.251Z' }],
    [
      'metadata',
      { metadata: { correlationId: 'other', causationId: null, actor: { id: 'u', kind: 'user' } } },
    ],
  ])('changes when %s changes', (_field, change) => {
    expect(eventHash({ ...fields, ...change })).not.toBe(eventHash(fields));
  });
});
