import { eventHash } from '@santunan/platform';
import { ExportWriter, verifyExport } from './ndjson-export';
import { parsePeriod } from './period';
import { aggregateBenefits, renderReport, type MoneyMovement, type PayoutFact } from './report';
import type { StoredEvent } from './store-reader';
import { evidenceOf, streamEvidence } from './explain';

function stored(streamId: string, version: number, previousHash: string | null): StoredEvent {
  const fields = {
    eventId: `00000000-0000-4000-8000-00000000000${version}`,
    streamId,
    streamType: 'payout',
    version,
    type: 'PayoutScheduled',
    schemaVersion: 1,
    data: { amount: 1000 * version },
    metadata: { correlationId: 'c', causationId: null, actor: { id: 'a', kind: 'system' } },
    occurredAt: '2026-03-01T00:00:00.000Z',
    recordedAt: '2026-03-01T00:00:00.000Z',
    previousHash,
  } as const;
  return {
    ...fields,
    service: 'payouts',
    position: { transactionId: '10', globalPosition: String(version) },
    hash: eventHash(fields),
  };
}

describe('NDJSON export', () => {
  const first = stored('payout-1', 1, null);
  const second = stored('payout-1', 2, first.hash);
  const writer = new ExportWriter();
  const lines = [
    writer.header({
      from: 'a',
      before: 'b',
      services: ['payouts'],
      positions: { payouts: '10:2' },
    }),
    writer.event(first),
    writer.event(second),
    writer.trailer(),
  ];

  it('verifies as written', () => {
    expect(verifyExport(lines.join(''))).toMatchObject({
      ok: true,
      eventsVerified: 2,
      byService: { payouts: 2 },
    });
  });

  it('names the line of a cut-off trailer and of a stream link that no longer holds', () => {
    expect(verifyExport(lines.slice(0, 3).join('')).problems).toEqual([
      { line: 3, detail: 'no trailer line: the file was cut short' },
    ]);
    const relinked = lines[2]?.replace(first.hash, 'f'.repeat(64)) ?? '';
    const problems = verifyExport([lines[0], lines[1], relinked, lines[3]].join('')).problems;
    expect(problems.map((problem) => problem.line)).toEqual([3, 3, 3]);
  });
});

describe('benefit report aggregation', () => {
  const payouts: PayoutFact[] = [
    { payoutId: 'p1', participantId: 'w1', category: 'JKM', regencyCode: '5371' },
    { payoutId: 'p2', participantId: 'w2', category: 'JKK death', regencyCode: null },
    { payoutId: 'p3', participantId: 'w1', category: 'JKM', regencyCode: '5371' },
  ];
  const movements: MoneyMovement[] = [
    { payoutId: 'p1', kind: 'settled', on: '2026-03-20', amount: 42_000_000 },
    { payoutId: 'p2', kind: 'settled', on: '2026-04-02', amount: 70_000_000 },
    { payoutId: 'p3', kind: 'settled', on: '2026-03-25', amount: 1_260_000 },
    { payoutId: 'p3', kind: 'returned', on: '2026-03-28', amount: 1_260_000 },
    { payoutId: 'p1', kind: 'settled', on: '2025-12-31', amount: 5 },
  ];
  const names = (code: string) => (code === '5371' ? 'KOTA KUPANG' : undefined);

  it('counts paid amounts and distinct participants per category within the period', () => {
    const report = aggregateBenefits(
      parsePeriod('2026'),
      { payouts: '1:9' },
      payouts,
      movements,
      names,
    );
    expect(report.byCategory.find((line) => line.category === 'JKM')).toMatchObject({
      payouts: 2,
      participants: 1,
      paid: 43_260_000,
      returned: 1_260_000,
      net: 42_000_000,
    });
    expect(report.total).toMatchObject({ payouts: 3, participants: 2, net: 112_000_000 });
    expect(report.byRegency.map((line) => line.key)).toEqual([
      '5371 KOTA KUPANG',
      'unknown (not recorded)',
    ]);
  });

  it('renders the same bytes whatever order the events came in', () => {
    const one = renderReport(
      aggregateBenefits(parsePeriod('2026-03'), {}, payouts, movements, names),
    );
    const other = renderReport(
      aggregateBenefits(
        parsePeriod('2026-03'),
        {},
        [...payouts].reverse(),
        [...movements].reverse(),
        names,
      ),
    );
    expect(other).toBe(one);
    expect(one).toContain('value dates 2026-03-01 to 2026-03-31');
  });
});

describe('evidence of an event in its stream', () => {
  const first = stored('payout-9', 1, null);
  const second = stored('payout-9', 2, first.hash);

  it('marks each event of an intact stream as hashing to itself and linked to the one before', () => {
    expect(
      streamEvidence([first, second]).map((step) => [step.hashVerified, step.chainLinked]),
    ).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(evidenceOf(second).chainLinked).toBeNull();
  });

  it('shows a removed first event or a relinked event as a broken chain', () => {
    expect(streamEvidence([second])[0]?.chainLinked).toBe(false);
    const forged = stored('payout-9', 2, 'f'.repeat(64));
    expect(streamEvidence([first, forged]).map((step) => step.chainLinked)).toEqual([true, false]);
    const edited = { ...second, data: { amount: 1 } };
    expect(streamEvidence([first, edited])[1]).toMatchObject({
      hashVerified: false,
      chainLinked: true,
    });
  });
});
