import { eventHash } from './event-hash';
import { hashedFieldsOf, type EventRow } from './event-row';
import { utcMicrosecondText } from './iso-instant';

/**
 * - altered: the row's fields no longer hash to its stored hash (or its timestamptz
 *   columns disagree with the hashed ISO text);
 * - removed: versions missing from the stream;
 * - reordered: the row hashes correctly only under another version number (moved);
 * - broken-chain: the row is intact but does not link to its predecessor's hash (the
 *   predecessor was rewritten with a recomputed hash, or replaced).
 */
export type TamperKind = 'altered' | 'removed' | 'reordered' | 'broken-chain';

export interface VerificationProblem {
  readonly kind: TamperKind;
  readonly streamId: string;
  readonly version: number;
  readonly detail: string;
}

/** A stored row plus its timestamptz columns printed in UTC with microseconds. */
export interface VerifiableRow extends EventRow {
  readonly occurred_at_utc: string;
  readonly recorded_at_utc: string;
}

/** Checks one stream's rows (sorted by version) and reports every problem found. */
export function verifyStream(rows: readonly VerifiableRow[]): VerificationProblem[] {
  const problems: VerificationProblem[] = [];
  const highestVersion = rows.reduce((highest, row) => Math.max(highest, row.version), 0);
  let predecessor: { row: VerifiableRow; intact: boolean } | undefined;

  for (const row of rows) {
    const report = (kind: TamperKind, detail: string, version = row.version): void => {
      problems.push({ kind, streamId: row.stream_id, version, detail });
    };
    const expectedVersion = (predecessor?.row.version ?? 0) + 1;
    const gapBefore = row.version > expectedVersion;
    if (gapBefore) {
      const last = row.version - 1;
      report(
        'removed',
        last === expectedVersion
          ? `version ${last} is missing`
          : `versions ${expectedVersion}–${last} are missing`,
        expectedVersion,
      );
    } else if (row.version < expectedVersion) {
      report('altered', `version ${row.version} is stored twice`);
    }

    const intact = eventHash(hashedFieldsOf(row)) === row.hash;
    if (!intact) {
      const writtenAs = originalVersionOf(row, highestVersion);
      if (writtenAs === undefined)
        report('altered', 'the stored fields no longer match the event hash');
      else
        report('reordered', `stored as version ${row.version} but written as version ${writtenAs}`);
    } else if (!timestampsAgree(row)) {
      report('altered', 'occurred_at / recorded_at columns differ from the hashed ISO instants');
    }

    // A chain link is only meaningful between two intact, adjacent events.
    const linkable = intact && !gapBefore && (predecessor === undefined || predecessor.intact);
    const expectedPrevious = predecessor?.row.hash ?? null;
    if (linkable && row.previous_hash !== expectedPrevious) {
      report(
        'broken-chain',
        predecessor === undefined
          ? 'the first event links to a predecessor'
          : `previousHash does not match version ${predecessor.row.version}'s hash: that event was rewritten or replaced`,
      );
    }
    predecessor = { row, intact };
  }
  return problems;
}

/** The version under which the row's fields hash correctly, if it was moved. */
function originalVersionOf(row: VerifiableRow, highestVersion: number): number | undefined {
  for (let version = 1; version <= highestVersion; version += 1) {
    if (version !== row.version && eventHash(hashedFieldsOf(row, version)) === row.hash)
      return version;
  }
  return undefined;
}

function timestampsAgree(row: VerifiableRow): boolean {
  return (
    utcMicrosecondText(row.occurred_at_iso) === row.occurred_at_utc &&
    utcMicrosecondText(row.recorded_at_iso) === row.recorded_at_utc
  );
}
