/**
 * An immutable map from string keys whose `set` copies only the path to the changed entry
 * (a 32-way hash array mapped trie). A sponsor program holds tens of thousands of enrolments:
 * copying a plain Map in every evolve step would make folding its stream quadratic, and
 * mutating one would make evolve impure. Insert and update only; nothing here needs removal.
 */
const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

type Entry<V> = readonly [key: string, value: V];

/** Entries whose keys share one full 32-bit hash. */
interface Bucket<V> {
  readonly kind: 'bucket';
  readonly hash: number;
  readonly entries: readonly Entry<V>[];
}

interface Branch<V> {
  readonly kind: 'branch';
  readonly children: readonly (TrieNode<V> | undefined)[];
}

type TrieNode<V> = Bucket<V> | Branch<V>;

/** FNV-1a, 32 bits: cheap and well spread for ids. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const slotOf = (hash: number, shift: number): number => (hash >>> shift) & MASK;

function insert<V>(
  node: TrieNode<V> | undefined,
  hash: number,
  entry: Entry<V>,
  shift: number,
): { readonly node: TrieNode<V>; readonly added: boolean } {
  if (node === undefined) return { node: { kind: 'bucket', hash, entries: [entry] }, added: true };
  if (node.kind === 'bucket') {
    if (node.hash === hash) {
      const index = node.entries.findIndex(([key]) => key === entry[0]);
      const entries =
        index < 0
          ? [...node.entries, entry]
          : node.entries.map((existing, at) => (at === index ? entry : existing));
      return { node: { kind: 'bucket', hash, entries }, added: index < 0 };
    }
    // Different hashes in one slot: push the bucket a level down. Two different 32-bit hashes
    // differ in some 5-bit slice, so this ends by shift 30.
    // Filled, not holey: V8 keeps packed arrays fast to read and copy.
    const children = new Array<TrieNode<V> | undefined>(WIDTH).fill(undefined);
    children[slotOf(node.hash, shift)] = node;
    return insert({ kind: 'branch', children }, hash, entry, shift);
  }
  const slot = slotOf(hash, shift);
  const inserted = insert(node.children[slot], hash, entry, shift + BITS);
  const children = node.children.slice();
  children[slot] = inserted.node;
  return { node: { kind: 'branch', children }, added: inserted.added };
}

export class PersistentMap<V> {
  private constructor(
    private readonly root: TrieNode<V> | undefined,
    readonly size: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(undefined, 0);
  }

  get(key: string): V | undefined {
    const hash = hashOf(key);
    let node = this.root;
    for (let shift = 0; node !== undefined; shift += BITS) {
      if (node.kind === 'bucket') {
        if (node.hash !== hash) return undefined;
        for (const [candidate, value] of node.entries) if (candidate === key) return value;
        return undefined;
      }
      node = node.children[slotOf(hash, shift)];
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** A new map with `key` set; this one is unchanged. */
  set(key: string, value: V): PersistentMap<V> {
    const { node, added } = insert(this.root, hashOf(key), [key, value], 0);
    return new PersistentMap(node, added ? this.size + 1 : this.size);
  }

  /** Every value, in no particular order. */
  *values(): Generator<V> {
    const stack: TrieNode<V>[] = this.root === undefined ? [] : [this.root];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node.kind === 'bucket') {
        for (const [, value] of node.entries) yield value;
      } else {
        for (const child of node.children) if (child !== undefined) stack.push(child);
      }
    }
  }
}
