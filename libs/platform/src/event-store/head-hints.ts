import type { StreamHead } from './append-statement';
import type { EventRow } from './event-row';

/** Enough for a batch read and then appended (a page of commands), and bounded in memory. */
const DEFAULT_CAPACITY = 10_000;

/**
 * The last head the store saw of recently read or written streams: a command reads its stream
 * and then appends to it, so the append can chain its events to that head and check it in the
 * same statement instead of reading it again. Only a guess: it may come from a transaction
 * that rolled back or be overtaken by another writer, and the append statement compares it
 * with the stored head (version and hash) before writing anything.
 */
export class HeadHints {
  private readonly byStream = new Map<string, StreamHead>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  get(streamId: string): StreamHead | undefined {
    return this.byStream.get(streamId);
  }

  remember(event: {
    readonly streamId: string;
    readonly streamType: string;
    readonly version: number;
    readonly hash: string;
  }): void {
    this.set(event.streamId, {
      version: event.version,
      hash: event.hash,
      streamType: event.streamType,
      writtenByYoungerTransaction: false,
    });
  }

  rememberRow(row: EventRow): void {
    this.set(row.stream_id, {
      version: row.version,
      hash: row.hash,
      streamType: row.stream_type,
      writtenByYoungerTransaction: false,
    });
  }

  private set(streamId: string, head: StreamHead): void {
    // Re-inserted so the Map's order is least recently seen first, the one evicted.
    this.byStream.delete(streamId);
    this.byStream.set(streamId, head);
    if (this.byStream.size > this.capacity) {
      const [oldest] = this.byStream.keys();
      if (oldest !== undefined) this.byStream.delete(oldest);
    }
  }
}
