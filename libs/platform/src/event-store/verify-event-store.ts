import type { SqlExecutor } from '../database/platform-database';
import { EVENT_COLUMNS } from './event-row';
import { verifyStream, type VerifiableRow, type VerificationProblem } from './verify-stream';

export interface VerificationReport {
  readonly eventsVerified: number;
  readonly streamsVerified: number;
  /** Every problem, by stream id then version; empty when the store is intact. */
  readonly problems: readonly VerificationProblem[];
}

export interface VerifyOptions {
  /** Rows fetched per round trip. */
  readonly pageSize?: number;
}

const UTC_MICROSECONDS = `'YYYY-MM-DD"T"HH24:MI:SS.US'`;

/**
 * Walks every stream in (stream id, version) order and checks the hash chain over the
 * stored form. Pass a REPEATABLE READ transaction for one consistent snapshot while
 * writers run. Not detectable from the table alone: removing a stream's newest events or
 * a whole stream; the copies published to Kafka (the audit ledger) anchor those.
 */
export async function verifyEventStore(
  executor: SqlExecutor,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const pageSize = options.pageSize ?? 1000;
  const problems: VerificationProblem[] = [];
  let eventsVerified = 0;
  let streamsVerified = 0;
  let stream: VerifiableRow[] = [];
  const finishStream = (): void => {
    if (stream.length === 0) return;
    problems.push(...verifyStream(stream));
    streamsVerified += 1;
    stream = [];
  };

  let after = { streamId: '', version: 0 };
  for (;;) {
    const page = await executor.query<VerifiableRow>(
      `select ${EVENT_COLUMNS},
              to_char(occurred_at at time zone 'UTC', ${UTC_MICROSECONDS}) as occurred_at_utc,
              to_char(recorded_at at time zone 'UTC', ${UTC_MICROSECONDS}) as recorded_at_utc
         from events
        where (stream_id, version) > ($1, $2)
        order by stream_id, version
        limit $3`,
      [after.streamId, after.version, pageSize],
    );
    for (const row of page) {
      if (stream[0] !== undefined && stream[0].stream_id !== row.stream_id) finishStream();
      stream.push(row);
      eventsVerified += 1;
    }
    const last = page[page.length - 1];
    if (last === undefined || page.length < pageSize) break;
    after = { streamId: last.stream_id, version: last.version };
  }
  finishStream();
  return { eventsVerified, streamsVerified, problems };
}

export interface StreamVerification {
  readonly streamId: string;
  readonly eventsVerified: number;
  /** By version; empty when the stream's chain is intact. */
  readonly problems: readonly VerificationProblem[];
}

/**
 * The same check as `verifyEventStore`, for a few named streams only (a claim's own, its
 * accident report's, …): each stream's rows are read and their hash chain recomputed. A
 * stream with no rows is reported with no events, so a caller can tell it apart.
 */
export async function verifyEventStreams(
  executor: SqlExecutor,
  streamIds: readonly string[],
): Promise<StreamVerification[]> {
  const results: StreamVerification[] = [];
  for (const streamId of [...new Set(streamIds)].sort()) {
    const rows = await executor.query<VerifiableRow>(
      `select ${EVENT_COLUMNS},
              to_char(occurred_at at time zone 'UTC', ${UTC_MICROSECONDS}) as occurred_at_utc,
              to_char(recorded_at at time zone 'UTC', ${UTC_MICROSECONDS}) as recorded_at_utc
         from events
        where stream_id = $1
        order by version`,
      [streamId],
    );
    results.push({ streamId, eventsVerified: rows.length, problems: verifyStream(rows) });
  }
  return results;
}
