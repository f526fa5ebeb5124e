import type { JsonValue } from './canonical-json';
import { eventHash } from './event-hash';
import { hashedFieldsOf } from './event-row';
import { verifyStream, type VerifiableRow } from './verify-stream';

/** A correctly chained stream of `count` rows, as verifyEventStore would read it. */
function chain(count: number): VerifiableRow[] {
  const rows: VerifiableRow[] = [];
  for (let version = 1; version <= count; version += 1) {
    rows.push(
      rehash({
        global_position: String(version),
        transaction_id: String(700 + version),
        event_id: `00000000-0000-4000-8000-${String(version).padStart(12, '0')}`,
        stream_id: 'participant-5301',
        stream_type: 'Participant',
        version,
        type: 'ParticipantIncomeChanged',
        schema_version: 1,
        data: { monthlyIncome: 2_000_000 + version },
        metadata: { correlationId: 'c', causationId: null, actor: { id: 'u', kind: 'user' } },
        occurred_at_iso: '2025-03-01T08:00:00+07:00',
        occurred_at_utc: '2025-03-01T01:00:00.000000',
        recorded_at_iso: '2025-03-01T01:15:31.25Z',
        recorded_at_utc: '2025-03-01T01:15:31.250000',
        previous_hash: rows[version - 2]?.hash ?? null,
        hash: '',
      }),
    );
  }
  return rows;
}

function rehash(row: VerifiableRow): VerifiableRow {
  return { ...row, hash: eventHash(hashedFieldsOf(row)) };
}

function at(rows: VerifiableRow[], version: number): VerifiableRow {
  const row = rows.find((candidate) => candidate.version === version);
  if (!row) throw new Error(`no version ${version}`);
  return row;
}

describe('verifyStream', () => {
  it('finds nothing wrong with an intact chain', () => {
    expect(verifyStream(chain(5))).toEqual([]);
  });

  it('reports an edited field as altered at its version', () => {
    const rows = chain(5).map((row) =>
      row.version === 3 ? { ...row, data: { monthlyIncome: 9_999_999 } as JsonValue } : row,
    );
    expect(verifyStream(rows)).toEqual([
      expect.objectContaining({ kind: 'altered', streamId: 'participant-5301', version: 3 }),
    ]);
  });

  it('reports removed versions, one problem per gap', () => {
    const rows = chain(8).filter((row) => ![1, 4, 5].includes(row.version));
    expect(verifyStream(rows)).toEqual([
      expect.objectContaining({ kind: 'removed', version: 1, detail: 'version 1 is missing' }),
      expect.objectContaining({ kind: 'removed', version: 4, detail: 'versions 4–5 are missing' }),
    ]);
  });

  it('reports swapped events as reordered, naming where each was written', () => {
    const rows = chain(4);
    const swapped = [
      at(rows, 1),
      { ...at(rows, 3), version: 2 },
      { ...at(rows, 2), version: 3 },
      at(rows, 4),
    ];
    expect(verifyStream(swapped)).toEqual([
      expect.objectContaining({
        kind: 'reordered',
        version: 2,
        detail: 'stored as version 2 but written as version 3',
      }),
      expect.objectContaining({
        kind: 'reordered',
        version: 3,
        detail: 'stored as version 3 but written as version 2',
      }),
    ]);
  });

  it('reports a rewritten event with a recomputed hash at its successor, as a broken chain', () => {
    const rows = chain(4).map((row) =>
      row.version === 2 ? rehash({ ...row, data: { monthlyIncome: 1 } }) : row,
    );
    expect(verifyStream(rows)).toEqual([
      expect.objectContaining({ kind: 'broken-chain', version: 3 }),
    ]);
  });

  it('reports a timestamptz column that no longer matches the hashed instant', () => {
    const rows = chain(2).map((row) =>
      row.version === 2 ? { ...row, occurred_at_utc: '2024-01-01T00:00:00.000000' } : row,
    );
    expect(verifyStream(rows)).toEqual([expect.objectContaining({ kind: 'altered', version: 2 })]);
  });
});
