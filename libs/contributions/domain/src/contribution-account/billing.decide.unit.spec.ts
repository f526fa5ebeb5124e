import type { ContributionAccountEvent } from '@santunan/contracts';
import {
  accountHistory,
  accountSpec,
  FLOOR_CONTRIBUTION,
  nttSponsorship,
  openSelfPayingAccount,
} from '../__tests__/fixtures';

const bill = (month: string) => ({ type: 'BillContributionMonth', month }) as const;
const other = accountHistory([['2026-01-01', openSelfPayingAccount('other')]]);

describe('billing: one due a month, JKK and JKM apart, due on the 15th', () => {
  it('bills a self-paying month at the rules library tariff', () => {
    accountSpec('2026-01-01')
      .given(other)
      .when(bill('2026-01'))
      .then([
        {
          type: 'ContributionBilled',
          data: {
            participantId: 'p-1',
            month: '2026-01',
            payer: { kind: 'self' },
            declaredIncome: 1_000_000,
            jkk: 10_000,
            jkm: 6_800,
            total: 16_800,
            ruleSetId: 'PP50-2025',
            discounted: false,
            nominalDueDate: '2026-01-15',
            dueDate: '2026-01-15',
            graceLastMonth: '2026-04',
          },
        },
      ]);
  });

  it.each<[string, string, string]>([
    ['2026-01', '2026-01-15', 'a Thursday'],
    ['2026-02', '2026-02-16', 'Sunday the 15th rolls to Monday'],
    ['2026-08', '2026-08-18', 'Saturday the 15th, Monday the 17th Independence Day'],
    ['2026-12', '2026-12-15', 'a Tuesday'],
    ['2027-01', '2027-01-15', 'across the year end'],
    ['2027-05', '2027-05-18', 'Saturday the 15th, Monday the 17th Idul Adha'],
  ])('bills %s due %s (%s)', (month, dueDate) => {
    accountSpec(`${month}-01`)
      .given(other)
      .when(bill(month))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ nominalDueDate: `${month}-15`, dueDate }),
        }) as ContributionAccountEvent,
      ]);
  });

  it.each<[string, number, number, boolean]>([
    ['2025-12', 10_000, 6_800, false],
    ['2026-01', 5_000, 3_400, true],
    ['2027-03', 5_000, 3_400, true],
    ['2027-04', 10_000, 6_800, false],
  ])(
    'bills a self-paying transport BPU for %s at JKK %p + JKM %p (PP 50/2025: %p)',
    (month, jkk, jkm, discounted) => {
      accountSpec(`${month}-01`)
        .given(accountHistory([['2025-12-01', openSelfPayingAccount('transport', '2025-12')]]))
        .when(bill(month))
        .then([
          expect.objectContaining({
            data: expect.objectContaining({ jkk, jkm, total: jkk + jkm, discounted }),
          }) as ContributionAccountEvent,
        ]);
    },
  );

  it('bills at the declared income in force in the month', () => {
    const raised = accountHistory(
      [
        [
          '2026-05-01',
          { type: 'RecordDeclaredIncome', declaredIncome: 2_500_000, effectiveFrom: '2026-06' },
        ],
      ],
      other,
    );
    const spec = accountSpec('2026-06-01');
    spec
      .given(raised)
      .when(bill('2026-05'))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ declaredIncome: 1_000_000, jkk: 10_000 }),
        }) as ContributionAccountEvent,
      ]);
    spec
      .given(raised)
      .when(bill('2026-06'))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ declaredIncome: 2_500_000, jkk: 25_000, total: 31_800 }),
        }) as ContributionAccountEvent,
      ]);
  });

  it('bills a sponsored month to the program at its agreed tariff', () => {
    const history = accountHistory([
      [
        '2026-01-01',
        {
          ...openSelfPayingAccount('transport'),
          membership: { kind: 'sponsored', programId: 'ntt-2026' },
        },
      ],
      ['2026-01-01', nttSponsorship()],
    ]);
    accountSpec('2026-01-01')
      .given(history)
      .when(bill('2026-01'))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({
            payer: { kind: 'program', programId: 'ntt-2026' },
            ...FLOOR_CONTRIBUTION,
            ruleSetId: null,
            discounted: false,
          }),
        }) as ContributionAccountEvent,
      ]);
    // Nothing before the sponsorship or after it: no membership, no due.
    accountSpec('2027-01-01').given(history).when(bill('2027-01')).thenNothingHappened();
  });

  it('bills nothing before the membership, twice, or for a month paid ahead', () => {
    const spec = accountSpec('2026-01-01');
    spec.given(other).when(bill('2025-12')).thenNothingHappened();
    spec
      .given(accountHistory([['2026-01-01', bill('2026-01')]], other))
      .when(bill('2026-01'))
      .thenNothingHappened();
    const paidAhead = accountHistory(
      [
        [
          '2026-01-01',
          {
            type: 'PaySelfContribution',
            paymentReference: 'VA-1',
            firstMonth: '2026-01',
            months: 3,
            amount: 3 * 16_800,
            paidAt: '2026-01-01T09:00:00+07:00',
            paidOn: '2026-01-01',
          },
        ],
      ],
      other,
    );
    accountSpec('2026-02-01').given(paidAhead).when(bill('2026-02')).thenNothingHappened();
  });

  it.each<[string, string, string]>([
    ['more than a month ahead', '2026-03', 'BILLING_TOO_EARLY'],
    ['a bad month', '2026-00', 'MONTH_INVALID'],
  ])('refuses billing %s', (_label, month, code) => {
    accountSpec('2026-01-20').given(other).when(bill(month)).thenRejects(code);
  });

  it('refuses a due date the holiday calendar cannot give', () => {
    accountSpec('2027-12-20')
      .given(other)
      .when(bill('2028-01'))
      .thenRejects({
        code: 'DUE_DATE_UNAVAILABLE',
        details: { ruleError: 'CALENDAR_NOT_COVERED' },
      });
  });
});
