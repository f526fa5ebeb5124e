import type {
  ContributionAccountEvent,
  ContributionPaid,
  CoverageExtension,
} from '@santunan/contracts';
import { addMonths } from '@santunan/domain-kernel';
import {
  accountHistory,
  accountSpec,
  accountStateOf,
  openSelfPayingAccount,
} from '../__tests__/fixtures';
import type { PaySelfContribution } from './contribution-account.commands';
import { coverageSummary } from './coverage';

const payment = (
  firstMonth: string,
  months: number,
  amount: number,
  paidOn: string,
  paymentReference = 'VA-8800-0001',
): PaySelfContribution => ({
  type: 'PaySelfContribution',
  paymentReference,
  firstMonth,
  months,
  amount,
  paidAt: `${paidOn}T09:15:00+07:00`,
  paidOn,
});

const paid = (
  month: string,
  jkk: number,
  jkm: number,
  paidOn: string,
  reference = 'VA-8800-0001',
  coverageExtended: CoverageExtension | null = null,
): ContributionAccountEvent => ({
  type: 'ContributionPaid',
  data: {
    participantId: 'p-1',
    month,
    payer: { kind: 'self' },
    jkk,
    jkm,
    amount: jkk + jkm,
    paymentReference: reference,
    paidAt: `${paidOn}T09:15:00+07:00`,
    paidOn,
    graceLastMonth: addMonths(month, 3),
    withinGrace: true,
    coverageExtended,
  },
});

const other = accountHistory([['2026-01-01', openSelfPayingAccount('other', '2026-01')]]);

describe('self-paying: 1, 3, 6 or 12 months at once', () => {
  it('pays one month and extends the coverage', () => {
    accountSpec('2026-01-10')
      .given(other)
      .when(payment('2026-01', 1, 16_800, '2026-01-10'))
      .then([
        paid('2026-01', 10_000, 6_800, '2026-01-10', undefined, {
          paidThrough: '2026-01',
          firstPaidMonth: '2026-01',
          masaIurMonths: 1,
        }),
      ]);
  });

  it.each([1, 3, 6, 12])('accepts %p month(s) at once', (months) => {
    accountSpec('2026-01-10')
      .given(other)
      .when(payment('2026-01', months, months * 16_800, '2026-01-10'))
      .then([
        ...Array.from({ length: months }, (_, index) =>
          paid(
            addMonths('2026-01', index),
            10_000,
            6_800,
            '2026-01-10',
            undefined,
            // The payment's last month carries the coverage it extended.
            index === months - 1
              ? {
                  paidThrough: addMonths('2026-01', months - 1),
                  firstPaidMonth: '2026-01',
                  masaIurMonths: months,
                }
              : null,
          ),
        ),
      ]);
  });

  it.each([0, 2, 4, 5, 9, 24])('refuses %p months at once', (months) => {
    accountSpec('2026-01-10')
      .given(other)
      .when(payment('2026-01', months, months * 16_800, '2026-01-10'))
      .thenRejects({
        code: 'PAYMENT_MONTH_COUNT_NOT_ALLOWED',
        details: { allowed: [1, 3, 6, 12] },
      });
  });

  it('pays 12 months across the year end, each at its own tariff: PP 50/2025 ends after March 2027', () => {
    const transport = accountHistory([
      ['2026-07-01', openSelfPayingAccount('transport', '2026-07')],
    ]);
    // July 2026 – March 2027: 9 × (5,000 + 3,400); April – June 2027: 3 × (10,000 + 6,800).
    const total = 9 * 8_400 + 3 * 16_800;
    expect(total).toBe(126_000);
    const months = Array.from({ length: 12 }, (_, index) => addMonths('2026-07', index));
    accountSpec('2026-07-03')
      .given(transport)
      .when(payment('2026-07', 12, total, '2026-07-03'))
      .then([
        ...months.map((month) => {
          const extended =
            month === '2027-06'
              ? { paidThrough: '2027-06', firstPaidMonth: '2026-07', masaIurMonths: 12 }
              : null;
          return month <= '2027-03'
            ? paid(month, 5_000, 3_400, '2026-07-03', undefined, extended)
            : paid(month, 10_000, 6_800, '2026-07-03', undefined, extended);
        }),
      ]);
  });

  it('requires the exact amount and says what it should be', () => {
    const transport = accountHistory([
      ['2026-07-01', openSelfPayingAccount('transport', '2026-07')],
    ]);
    accountSpec('2026-07-03')
      .given(transport)
      .when(payment('2026-07', 12, 12 * 16_800, '2026-07-03'))
      .thenRejects({ code: 'PAYMENT_AMOUNT_MISMATCH', details: { expectedAmount: 126_000 } });
    accountSpec('2026-07-03')
      .given(transport)
      .when(payment('2026-07', 1, 8_399, '2026-07-03'))
      .thenRejects({ code: 'PAYMENT_AMOUNT_MISMATCH', details: { expectedAmount: 8_400 } });
  });

  it('charges a month already billed at its bill, not at a later income', () => {
    const history = accountHistory(
      [
        ['2026-01-10', payment('2026-01', 1, 16_800, '2026-01-10', 'VA-1')],
        ['2026-01-20', { type: 'BillContributionMonth', month: '2026-02' }],
        [
          '2026-01-25',
          { type: 'RecordDeclaredIncome', declaredIncome: 2_000_000, effectiveFrom: '2026-02' },
        ],
      ],
      other,
    );
    const spec = accountSpec('2026-02-05');
    spec
      .given(history)
      .when(payment('2026-02', 1, 16_800, '2026-02-05', 'VA-2'))
      .then([
        paid('2026-02', 10_000, 6_800, '2026-02-05', 'VA-2', {
          paidThrough: '2026-02',
          firstPaidMonth: '2026-01',
          masaIurMonths: 2,
        }),
      ]);
    // March was not billed: the new income applies (1% × 2,000,000 + 6,800).
    const february = accountHistory(
      [['2026-02-05', payment('2026-02', 1, 16_800, '2026-02-05', 'VA-2')]],
      history,
    );
    spec
      .given(february)
      .when(payment('2026-03', 1, 16_800, '2026-02-05', 'VA-3'))
      .thenRejects({
        code: 'PAYMENT_AMOUNT_MISMATCH',
        details: { expectedAmount: 26_800 },
      });
  });

  it('continues from the oldest unpaid month, and no further than 12 months from the payment', () => {
    const spec = accountSpec('2026-03-02');
    spec
      .given(other)
      .when(payment('2026-02', 1, 16_800, '2026-03-02'))
      .thenRejects({
        code: 'PAYMENT_MONTH_NOT_NEXT',
        details: { expectedFirstMonth: '2026-01' },
      });
    const late = accountHistory([['2025-12-20', openSelfPayingAccount('other', '2026-01')]]);
    accountSpec('2025-12-20')
      .given(late)
      .when(payment('2026-01', 12, 12 * 16_800, '2025-12-20'))
      .thenRejects({ code: 'PAYMENT_TOO_FAR_AHEAD', details: { lastAllowedMonth: '2026-11' } });
  });

  it('takes the same reference twice as one payment, and refuses it with other terms', () => {
    const paidOnce = accountHistory(
      [['2026-01-10', payment('2026-01', 3, 3 * 16_800, '2026-01-10')]],
      other,
    );
    const spec = accountSpec('2026-01-11');
    spec
      .given(paidOnce)
      .when(payment('2026-01', 3, 3 * 16_800, '2026-01-10'))
      .thenNothingHappened();
    spec
      .given(paidOnce)
      .when(payment('2026-04', 1, 16_800, '2026-01-11'))
      .thenRejects({
        code: 'PAYMENT_REFERENCE_CONFLICT',
        details: { firstMonth: '2026-01', months: 3, amount: 50_400 },
      });
    spec
      .given(paidOnce)
      .when(payment('2026-01', 3, 3 * 16_800 + 1, '2026-01-10'))
      .thenRejects('PAYMENT_REFERENCE_CONFLICT');
  });

  it('pays arrears first and reinstates the coverage when they are all paid', () => {
    const inArrears = accountHistory(
      [
        ['2026-01-10', payment('2026-01', 1, 16_800, '2026-01-10', 'VA-1')],
        ['2026-04-01', { type: 'CloseContributionMonth', month: '2026-03' }],
      ],
      other,
    );
    expect(coverageSummary(accountStateOf(inArrears), '2026-04')).toMatchObject({
      standing: 'in-arrears',
      arrearsMonths: ['2026-02', '2026-03'],
      paidThrough: '2026-01',
    });
    accountSpec('2026-04-06')
      .given(inArrears)
      .when(payment('2026-02', 3, 3 * 16_800, '2026-04-06', 'VA-2'))
      .then([
        paid('2026-02', 10_000, 6_800, '2026-04-06', 'VA-2'),
        paid('2026-03', 10_000, 6_800, '2026-04-06', 'VA-2'),
        paid('2026-04', 10_000, 6_800, '2026-04-06', 'VA-2', {
          paidThrough: '2026-04',
          firstPaidMonth: '2026-01',
          masaIurMonths: 4,
        }),
        {
          type: 'CoverageReinstated',
          data: {
            participantId: 'p-1',
            from: 'in-arrears',
            paidBy: { kind: 'self' },
            paymentReference: 'VA-2',
            paidThrough: '2026-04',
          },
        },
      ]);
  });

  it.each<[string, Partial<PaySelfContribution>, string]>([
    ['no reference', { paymentReference: '' }, 'PAYMENT_INVALID'],
    ['a paid-on date after today', { paidOn: '2026-01-11' }, 'PAYMENT_INVALID'],
    ['an impossible paid-on date', { paidOn: '2026-01-32' }, 'PAYMENT_INVALID'],
    ['a negative amount', { amount: -16_800 }, 'PAYMENT_AMOUNT_INVALID'],
    ['a bad month', { firstMonth: '2026-1' }, 'MONTH_INVALID'],
  ])('refuses a payment with %s', (_label, change, code) => {
    accountSpec('2026-01-10')
      .given(other)
      .when({ ...payment('2026-01', 1, 16_800, '2026-01-10'), ...change })
      .thenRejects(code);
  });

  it('refuses self payments on a sponsored account', () => {
    const sponsored = accountHistory([
      [
        '2026-01-01',
        {
          ...openSelfPayingAccount('other', '2026-01'),
          membership: { kind: 'sponsored', programId: 'ntt-2026' },
        },
      ],
    ]);
    accountSpec('2026-01-10')
      .given(sponsored)
      .when(payment('2026-01', 1, 16_800, '2026-01-10'))
      .thenRejects('NOT_SELF_PAYING');
  });

  it('records what claims needs: JKK and JKM apart, the paid-on date and the grace', () => {
    const events = accountHistory(
      [['2026-01-10', payment('2026-01', 1, 16_800, '2026-01-10')]],
      other,
    );
    const data = events.flatMap((event) => (event.type === 'ContributionPaid' ? [event.data] : []));
    expect(data).toEqual<ContributionPaid[]>([
      expect.objectContaining({
        jkk: 10_000,
        jkm: 6_800,
        paidOn: '2026-01-10',
        graceLastMonth: '2026-04',
        withinGrace: true,
      }) as ContributionPaid,
    ]);
  });
});
