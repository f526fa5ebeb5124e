import { PersistentMap } from './persistent-map';

describe('PersistentMap', () => {
  it('sets and gets, counting only new keys', () => {
    const map = PersistentMap.empty<number>().set('a', 1).set('b', 2).set('a', 3);
    expect(map.size).toBe(2);
    expect(map.get('a')).toBe(3);
    expect(map.get('b')).toBe(2);
    expect(map.get('c')).toBeUndefined();
    expect(map.has('b')).toBe(true);
  });

  it('leaves every earlier version unchanged', () => {
    const v1 = PersistentMap.empty<string>().set('p-1', 'one');
    const v2 = v1.set('p-2', 'two');
    const v3 = v2.set('p-1', 'uno');
    expect([v1.size, v2.size, v3.size]).toEqual([1, 2, 2]);
    expect(v1.get('p-2')).toBeUndefined();
    expect(v2.get('p-1')).toBe('one');
    expect(v3.get('p-1')).toBe('uno');
  });

  it('agrees with a Map over 60,000 keys, deep tries and shared slots included', () => {
    let map = PersistentMap.empty<number>();
    const reference = new Map<string, number>();
    for (let index = 0; index < 60_000; index += 1) {
      const key = `participant-${index % 50_000}`;
      map = map.set(key, index);
      reference.set(key, index);
    }
    expect(map.size).toBe(reference.size);
    const mismatches = [...reference].filter(([key, value]) => map.get(key) !== value);
    expect(mismatches).toEqual([]);
    expect([...map.values()].sort((a, b) => a - b)).toEqual(
      [...reference.values()].sort((a, b) => a - b),
    );
  });

  it('keeps keys with one full hash apart (FNV-1a collision)', () => {
    // Found by a birthday search over short keys: the same 32-bit FNV-1a hash.
    const [first, second] = ['k4uzx', 'kf2ad'];
    expect(fnv1a(first)).toBe(fnv1a(second));
    const map = PersistentMap.empty<string>().set(first, 'first').set(second, 'second');
    expect(map.size).toBe(2);
    expect(map.get(first)).toBe('first');
    expect(map.get(second)).toBe('second');
    expect(map.set(first, 'again').get(second)).toBe('second');
  });
});

function fnv1a(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
