/** A stream folded up to a version; `hash` is that version's event hash (null at version 0). */
export interface FoldedStream<State> {
  readonly state: State;
  readonly version: number;
  readonly hash: string | null;
}

interface Entry<State> {
  readonly current: FoldedStream<State>;
  /** The fold before `current`: still usable while `current` is an uncommitted write. */
  readonly previous: FoldedStream<State> | undefined;
}

/**
 * Folded states of streams, kept in memory so a load reads only the events appended since
 * (a sponsor program that holds every enrolment, accounts a monthly batch revisits); give one
 * to a fold (`StreamFold.cache`) and the EventSourcedRepository uses it. An entry is a claim,
 * not a fact: the loader checks it against the stored hash of its version before using it (the
 * hash chain makes a stale or rolled-back entry show), so entries may be recorded before their
 * transaction commits. States must be immutable, as the domains' are, since they are shared
 * between requests.
 */
export class FoldedStateCache<State> {
  private readonly entries = new Map<string, Entry<State>>();

  /** At most `capacity` streams; the least recently used is forgotten first. */
  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error('the cache needs a capacity of at least one stream');
  }

  /** Folds to try, newest first. */
  candidates(streamId: string): readonly FoldedStream<State>[] {
    const entry = this.entries.get(streamId);
    if (entry === undefined) return [];
    // Re-insert: a Map iterates in insertion order, so the first key is the least recent.
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry.previous === undefined ? [entry.current] : [entry.current, entry.previous];
  }

  remember(streamId: string, folded: FoldedStream<State>): void {
    if (folded.version === 0) return;
    const entry = this.entries.get(streamId);
    if (entry !== undefined) {
      const { current } = entry;
      // An older fold (a reader that could not yet see a newer write) adds nothing.
      if (folded.version < current.version) return;
      if (folded.version === current.version && folded.hash === current.hash) return;
    }
    const previous =
      entry !== undefined && entry.current.version < folded.version
        ? entry.current
        : entry?.previous;
    this.entries.delete(streamId);
    this.entries.set(streamId, { current: folded, previous });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
