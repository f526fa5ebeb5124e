import { FoldedStateCache } from './folded-state.cache';

const fold = (version: number, hash = `h${version}`) => ({ state: { version }, version, hash });

describe('FoldedStateCache', () => {
  it('offers the newest fold first, then the one before it', () => {
    const cache = new FoldedStateCache<{ version: number }>(10);
    cache.remember('s', fold(3));
    cache.remember('s', fold(5));
    expect(cache.candidates('s').map((c) => c.version)).toEqual([5, 3]);
    cache.remember('s', fold(8));
    expect(cache.candidates('s').map((c) => c.version)).toEqual([8, 5]);
  });

  it('ignores an older fold, replaces one of the same version with another history', () => {
    const cache = new FoldedStateCache<{ version: number }>(10);
    cache.remember('s', fold(5));
    cache.remember('s', fold(4));
    expect(cache.candidates('s').map((c) => c.version)).toEqual([5]);
    cache.remember('s', fold(5, 'other'));
    expect(cache.candidates('s').map((c) => c.hash)).toEqual(['other']);
  });

  it('keeps nothing for an empty stream, and forgets on request', () => {
    const cache = new FoldedStateCache<{ version: number }>(10);
    cache.remember('s', { state: { version: 0 }, version: 0, hash: null });
    expect(cache.candidates('s')).toEqual([]);
    cache.remember('s', fold(1));
    cache.forget('s');
    expect(cache.candidates('s')).toEqual([]);
  });

  it('forgets the least recently used stream beyond its capacity', () => {
    const cache = new FoldedStateCache<{ version: number }>(2);
    cache.remember('a', fold(1));
    cache.remember('b', fold(1));
    cache.candidates('a');
    cache.remember('c', fold(1));
    expect(cache.size).toBe(2);
    expect(cache.candidates('b')).toEqual([]);
    expect(cache.candidates('a')).toHaveLength(1);
  });
});
