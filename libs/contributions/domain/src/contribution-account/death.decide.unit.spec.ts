import type { ContributionAccountEvent } from '@santunan/contracts';
import { addMonths } from '@santunan/domain-kernel';
import {
  accountHistory,
  accountSpec,
  accountStateOf,
  FLOOR_CONTRIBUTION,
  nttSponsoredAccountSteps,
  openSelfPayingAccount,
} from '../__tests__/fixtures';
import type { RecordSponsoredContribution } from './contribution-account.commands';
import { coverageSummary } from './coverage';

const death = (dateOfDeath: string) => ({ type: 'RecordDeath', dateOfDeath }) as const;

/** A transport BPU who paid July 2026 – June 2027 at once (126,000, PP 50/2025 until March). */
const paidAhead = accountHistory([
  ['2026-07-01', openSelfPayingAccount('transport', '2026-07')],
  [
    '2026-07-03',
    {
      type: 'PaySelfContribution',
      paymentReference: 'VA-12M',
      firstMonth: '2026-07',
      months: 12,
      amount: 126_000,
      paidAt: '2026-07-03T09:00:00+07:00',
      paidOn: '2026-07-03',
    },
  ],
]);

const program = { kind: 'program', programId: 'ntt-2026' } as const;
const share = (month: string): RecordSponsoredContribution => ({
  type: 'RecordSponsoredContribution',
  programId: 'ntt-2026',
  month,
  paymentReference: `SP2D-${month}`,
  contribution: FLOOR_CONTRIBUTION,
  paidAt: `${month}-14T10:00:00+08:00`,
  paidOn: `${month}-14`,
});
const sponsoredPaidToApril = accountHistory([
  ...nttSponsoredAccountSteps('2025-12-15'),
  ...['2026-01', '2026-02', '2026-03', '2026-04'].map(
    (month) => [`${month}-14`, share(month)] as const,
  ),
]);

describe('death: billing stops, later months are refunded to whoever paid them', () => {
  it('refunds a self-paying participant the months paid after the death month, at what was paid', () => {
    // Died in September: October – March at 8,400 and April – June at 16,800 come back.
    const months = Array.from({ length: 9 }, (_, index) => addMonths('2026-10', index));
    accountSpec('2026-09-20')
      .given(paidAhead)
      .when(death('2026-09-10'))
      .then([
        {
          type: 'ContributionAccountClosed',
          data: {
            participantId: 'p-1',
            reason: 'participant-deceased',
            dateOfDeath: '2026-09-10',
            lastContributionMonth: '2026-09',
            cancelledDueMonths: [],
          },
        },
        {
          type: 'RefundDue',
          data: {
            participantId: 'p-1',
            payer: { kind: 'self' },
            months,
            amount: 6 * 8_400 + 3 * 16_800,
            lines: months.map((month) => ({
              month,
              paymentReference: 'VA-12M',
              amount: month <= '2027-03' ? 8_400 : 16_800,
            })),
            reason: 'months-after-death',
          },
        },
      ]);
  });

  it('keeps the months up to the death month in the masa iur, and drops the refunded ones', () => {
    const closed = accountHistory([['2026-09-20', death('2026-09-10')]], paidAhead);
    expect(coverageSummary(accountStateOf(closed), '2026-09')).toMatchObject({
      paidThrough: '2026-09',
      masaIurMonths: 3,
      dateOfDeath: '2026-09-10',
    });
  });

  it('refunds the sponsor the months it paid after the death month, and cancels later dues', () => {
    const billedMay = accountHistory(
      [['2026-04-20', { type: 'BillContributionMonth', month: '2026-05' }]],
      sponsoredPaidToApril,
    );
    accountSpec('2026-04-25')
      .given(billedMay)
      .when(death('2026-02-27'))
      .then([
        {
          type: 'ContributionAccountClosed',
          data: {
            participantId: 'p-1',
            reason: 'participant-deceased',
            dateOfDeath: '2026-02-27',
            lastContributionMonth: '2026-02',
            cancelledDueMonths: ['2026-05'],
          },
        },
        {
          type: 'RefundDue',
          data: {
            participantId: 'p-1',
            payer: program,
            months: ['2026-03', '2026-04'],
            amount: 33_600,
            lines: [
              { month: '2026-03', paymentReference: 'SP2D-2026-03', amount: 16_800 },
              { month: '2026-04', paymentReference: 'SP2D-2026-04', amount: 16_800 },
            ],
            reason: 'months-after-death',
          },
        },
      ]);
  });

  it('bills nothing after the death month but still takes the sponsor’s arrears up to it', () => {
    const closed = accountHistory([['2026-04-25', death('2026-04-03')]], sponsoredPaidToApril);
    const may = accountSpec('2026-05-14');
    may
      .given(closed)
      .when({ type: 'BillContributionMonth', month: '2026-05' })
      .thenNothingHappened();
    // A sponsor share for a month after the death (allocated before the program heard) goes back.
    may
      .given(closed)
      .when(share('2026-05'))
      .then([
        {
          type: 'RefundDue',
          data: {
            participantId: 'p-1',
            payer: program,
            months: ['2026-05'],
            amount: 16_800,
            lines: [{ month: '2026-05', paymentReference: 'SP2D-2026-05', amount: 16_800 }],
            reason: 'months-after-death',
          },
        },
      ]);
    const refunded = accountHistory([['2026-05-14', share('2026-05')]], closed);
    may.given(refunded).when(share('2026-05')).thenNothingHappened();
  });

  it('pays a pending claim month: the sponsor’s late share of the death month still counts', () => {
    const unpaidMarch = accountHistory([
      ...nttSponsoredAccountSteps('2025-12-15', { fromMonth: '2026-03' }),
      ['2026-03-20', death('2026-03-08')],
    ]);
    accountSpec('2026-04-10')
      .given(unpaidMarch)
      .when({ ...share('2026-03'), paidOn: '2026-04-10' })
      .then([
        expect.objectContaining({
          type: 'ContributionPaid',
          data: expect.objectContaining({
            month: '2026-03',
            paidOn: '2026-04-10',
            withinGrace: true,
            coverageExtended: expect.objectContaining({ paidThrough: '2026-03' }),
          }),
        }) as ContributionAccountEvent,
      ]);
  });

  it('takes the same death again as a retry, refuses another date, and refuses self payments', () => {
    const closed = accountHistory([['2026-09-20', death('2026-09-10')]], paidAhead);
    const spec = accountSpec('2026-09-21');
    spec.given(closed).when(death('2026-09-10')).thenNothingHappened();
    spec.given(closed).when(death('2026-09-11')).thenRejects('PARTICIPANT_DECEASED');
    spec.given(paidAhead).when(death('2026-09-22')).thenRejects('DEATH_DATE_INVALID');
    spec
      .given(closed)
      .when({
        type: 'PaySelfContribution',
        paymentReference: 'VA-late',
        firstMonth: '2027-07',
        months: 1,
        amount: 16_800,
        paidAt: '2026-09-21T09:00:00+07:00',
        paidOn: '2026-09-21',
      })
      .thenRejects('PARTICIPANT_DECEASED');
  });
});
