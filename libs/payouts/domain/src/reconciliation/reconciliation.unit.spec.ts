import { dailyReport, type MovementRecord } from './daily-report';
import { checkDecisions, type DecisionForCheck, type PayoutForCheck } from './decision-check';

const move = (overrides: Partial<MovementRecord>): MovementRecord => ({
  program: 'jkm',
  payoutKind: 'benefit',
  regencyCode: '5371',
  sponsorProgramId: null,
  movement: 'scheduled',
  amount: 42_000_000,
  ...overrides,
});

describe('dailyReport', () => {
  it('totals each movement per program, kind, kabupaten/kota and sponsor; unknown regencies apart', () => {
    const report = dailyReport('2026-03-17', [
      move({}),
      move({ movement: 'instructed' }),
      move({
        regencyCode: '5371',
        movement: 'settled',
        sponsorProgramId: 'ntt-2026',
        program: 'jkk',
        amount: 70_000_000,
      }),
      move({ regencyCode: null, movement: 'failed', amount: 1_500_000, program: 'scholarship' }),
      move({ regencyCode: null, movement: 'scheduled', amount: 1_500_000, program: 'scholarship' }),
      move({ payoutKind: 'late-payment-compensation', movement: 'scheduled', amount: 840_000 }),
    ]);
    expect(
      report.rows.map((row) => [
        row.program,
        row.payoutKind,
        row.regencyCode,
        row.sponsorProgramId,
      ]),
    ).toEqual([
      ['jkk', 'benefit', '5371', 'ntt-2026'],
      ['jkm', 'benefit', '5371', null],
      ['jkm', 'late-payment-compensation', '5371', null],
      ['scholarship', 'benefit', 'unknown', null],
    ]);
    expect(report.rows[1]).toMatchObject({
      scheduled: { count: 1, amount: 42_000_000 },
      instructed: { count: 1, amount: 42_000_000 },
      settled: { count: 0, amount: 0 },
    });
    expect(report.rows[3]).toMatchObject({
      failed: { count: 1, amount: 1_500_000 },
      scheduled: { count: 1, amount: 1_500_000 },
    });
    expect(report.totals).toMatchObject({
      scheduled: { count: 3, amount: 44_340_000 },
      settled: { count: 1, amount: 70_000_000 },
      failed: { count: 1, amount: 1_500_000 },
    });
    expect(report.unknownRegencyMovements).toBe(2);
  });

  it('is empty on a quiet day', () => {
    expect(dailyReport('2026-03-18', [])).toMatchObject({
      rows: [],
      totals: { settled: { count: 0, amount: 0 } },
    });
  });
});

describe('checkDecisions: settled payouts against the decided amount', () => {
  const decision = (overrides: Partial<DecisionForCheck>): DecisionForCheck => ({
    decisionId: 'd-1',
    claimId: 'claim-1',
    program: 'jkm',
    decidedAmount: 42_000_000,
    supersedesDecisionId: null,
    supersededByDecisionId: null,
    ...overrides,
  });
  const payout = (overrides: Partial<PayoutForCheck>): PayoutForCheck => ({
    payoutId: 'payout-1',
    decisionId: 'd-1',
    kind: 'benefit',
    amount: 42_000_000,
    status: 'settled',
    ...overrides,
  });

  it.each([
    ['settled in full', [payout({})], 'settled-in-full'],
    ['still with the bank', [payout({ status: 'instructed' })], 'in-progress'],
    ['failed, awaiting reissue', [payout({ status: 'failed' })], 'in-progress'],
    ['cancelled', [payout({ status: 'cancelled' })], 'short'],
    ['paid twice', [payout({}), payout({ payoutId: 'payout-2' })], 'over'],
    [
      'plus compensation, which is not part of the decision',
      [payout({}), payout({ payoutId: 'c', kind: 'late-payment-compensation', amount: 840_000 })],
      'settled-in-full',
    ],
  ] as const)('%s → %s', (_case, payouts, status) => {
    const report = checkDecisions([decision({})], payouts);
    expect(report.decisions[0]?.status).toBe(status);
    expect(report.mismatches.length).toBe(status === 'short' || status === 'over' ? 1 : 0);
  });

  it('checks a superseding decision against the payouts of the whole chain', () => {
    const report = checkDecisions(
      [
        decision({ supersededByDecisionId: 'd-2' }),
        decision({ decisionId: 'd-2', supersedesDecisionId: 'd-1', decidedAmount: 54_000_000 }),
      ],
      [payout({}), payout({ payoutId: 'payout-3', decisionId: 'd-2', amount: 12_000_000 })],
    );
    expect(report).toMatchObject({
      decisionsChecked: 1,
      supersededDecisions: 1,
      settledInFull: 1,
      mismatches: [],
    });
    expect(report.decisions[0]).toMatchObject({
      decisionChain: ['d-2', 'd-1'],
      settledAmount: 54_000_000,
      difference: 0,
    });
  });

  it('lists the difference of a mismatch', () => {
    const report = checkDecisions([decision({})], [payout({ status: 'cancelled' })]);
    expect(report.mismatches[0]).toMatchObject({
      decisionId: 'd-1',
      settledAmount: 0,
      openAmount: 0,
      difference: -42_000_000,
    });
  });
});
