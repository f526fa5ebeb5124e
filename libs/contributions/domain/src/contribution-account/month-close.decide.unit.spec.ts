import type { ContributionAccountEvent } from '@santunan/contracts';
import {
  accountHistory,
  accountSpec,
  accountStateOf,
  openSelfPayingAccount,
} from '../__tests__/fixtures';
import type { OpenContributionAccount, PaySelfContribution } from './contribution-account.commands';
import { coverageSummary } from './coverage';

const open: OpenContributionAccount = openSelfPayingAccount('other');
const pay = (firstMonth: string, paidOn: string, reference: string): PaySelfContribution => ({
  type: 'PaySelfContribution',
  paymentReference: reference,
  firstMonth,
  months: 1,
  amount: 16_800,
  paidAt: `${paidOn}T09:00:00+07:00`,
  paidOn,
});
const close = (month: string) => ({ type: 'CloseContributionMonth', month }) as const;
const nextDay = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
};

/** Paid January only. */
const paidJanuary = accountHistory([
  ['2026-01-01', open],
  ['2026-01-10', pay('2026-01', '2026-01-10', 'VA-1')],
]);

const self = { kind: 'self' } as const;

describe('month close: grace and lapse', () => {
  it('closes a paid month without a word', () => {
    accountSpec('2026-02-01').given(paidJanuary).when(close('2026-01')).thenNothingHappened();
  });

  it.each<[string, number, string, readonly string[]]>([
    ['2026-02', 1, 'in-arrears', ['2026-02']],
    ['2026-03', 2, 'in-arrears', ['2026-02', '2026-03']],
    ['2026-04', 3, 'in-arrears', ['2026-02', '2026-03', '2026-04']],
    // A self-paying lapse ends the membership: its months can no longer be paid.
    ['2026-05', 4, 'lapsed', []],
  ])(
    'after closing %s (%p unpaid months) the participant is %s',
    (month, _unpaid, standing, arrears) => {
      const history = accountHistory([[nextDay(month), close(month)]], paidJanuary);
      expect(coverageSummary(accountStateOf(history), month)).toMatchObject({
        standing,
        paidThrough: '2026-01',
        arrearsMonths: arrears,
      });
    },
  );

  it('records each month that ends unpaid, with its grace', () => {
    accountSpec('2026-03-01')
      .given(paidJanuary)
      .when(close('2026-02'))
      .then([
        {
          type: 'ContributionArrearsRecorded',
          data: {
            participantId: 'p-1',
            month: '2026-02',
            payer: self,
            graceLastMonth: '2026-05',
            arrearsMonths: ['2026-02'],
          },
        },
      ]);
  });

  it('lapses the membership at the fourth consecutive unpaid month', () => {
    const threeUnpaid = accountHistory([['2026-05-01', close('2026-04')]], paidJanuary);
    accountSpec('2026-06-01')
      .given(threeUnpaid)
      .when(close('2026-05'))
      .then([
        {
          type: 'ContributionArrearsRecorded',
          data: {
            participantId: 'p-1',
            month: '2026-05',
            payer: self,
            graceLastMonth: '2026-08',
            arrearsMonths: ['2026-02', '2026-03', '2026-04', '2026-05'],
          },
        },
        {
          type: 'ContributionGraceExpired',
          data: { participantId: 'p-1', month: '2026-02', payer: self },
        },
        {
          type: 'CoverageLapsed',
          data: {
            participantId: 'p-1',
            unpaidMonths: ['2026-02', '2026-03', '2026-04', '2026-05'],
            cause: 'self-paying-arrears',
            payer: self,
            reinstatable: false,
          },
        },
      ]);
  });

  it('catches up months a scheduler missed, in order, and closing again changes nothing', () => {
    const caughtUp = accountHistory([['2026-06-01', close('2026-05')]], paidJanuary);
    expect(caughtUp.slice(paidJanuary.length).map((event) => event.type)).toEqual([
      'ContributionArrearsRecorded',
      'ContributionArrearsRecorded',
      'ContributionArrearsRecorded',
      'ContributionArrearsRecorded',
      'ContributionGraceExpired',
      'CoverageLapsed',
    ]);
    accountSpec('2026-06-01').given(caughtUp).when(close('2026-05')).thenNothingHappened();
    accountSpec('2026-06-01').given(caughtUp).when(close('2026-03')).thenNothingHappened();
  });

  it('keeps the month one can still pay out of arrears once it is paid in the grace', () => {
    const twoUnpaid = accountHistory(
      [
        ['2026-04-01', close('2026-03')],
        ['2026-04-02', pay('2026-02', '2026-04-02', 'VA-2')],
      ],
      paidJanuary,
    );
    expect(coverageSummary(accountStateOf(twoUnpaid), '2026-04')).toMatchObject({
      standing: 'in-arrears',
      arrearsMonths: ['2026-03'],
      paidThrough: '2026-02',
    });
  });

  it('ends a lapsed self-paying membership: nothing billed, payments refused, a new membership allowed', () => {
    const lapsed = accountHistory([['2026-06-01', close('2026-05')]], paidJanuary);
    const june = accountSpec('2026-06-02');
    june
      .given(lapsed)
      .when({ type: 'BillContributionMonth', month: '2026-06' })
      .thenNothingHappened();
    june
      .given(lapsed)
      .when(pay('2026-02', '2026-06-02', 'VA-9'))
      .thenRejects({
        code: 'MEMBERSHIP_LAPSED',
        details: { unpaidMonths: ['2026-02', '2026-03', '2026-04', '2026-05'] },
      });
    const renewed = accountHistory(
      [
        ['2026-06-02', { type: 'StartSelfPayingMembership', fromMonth: '2026-06' }],
        // Later closes bring no grace expiry for the lapsed months: they were forfeited at once.
        ['2026-07-01', close('2026-06')],
      ],
      lapsed,
    );
    expect(renewed.slice(lapsed.length).map((event) => event.type)).toEqual([
      'SelfPayingMembershipStarted',
      'ContributionArrearsRecorded',
    ]);
    expect(coverageSummary(accountStateOf(renewed), '2026-07')).toMatchObject({
      standing: 'in-arrears',
      arrearsMonths: ['2026-06'],
      paidThrough: '2026-01',
    });
    accountSpec('2026-07-02')
      .given(renewed)
      .when(pay('2026-06', '2026-07-02', 'VA-10'))
      .then([
        expect.objectContaining({
          type: 'ContributionPaid',
          data: expect.objectContaining({
            month: '2026-06',
            coverageExtended: expect.objectContaining({
              paidThrough: '2026-06',
              masaIurMonths: 2,
            }),
          }),
        }) as ContributionAccountEvent,
        expect.objectContaining({
          type: 'CoverageReinstated',
          data: expect.objectContaining({ from: 'in-arrears' }),
        }) as ContributionAccountEvent,
      ]);
  });

  it('counts a new membership’s unpaid months afresh', () => {
    const renewedUnpaid = accountHistory(
      [
        ['2026-06-01', close('2026-05')],
        ['2026-06-02', { type: 'StartSelfPayingMembership', fromMonth: '2026-06' }],
        ['2026-09-01', close('2026-08')],
      ],
      paidJanuary,
    );
    expect(coverageSummary(accountStateOf(renewedUnpaid), '2026-09')).toMatchObject({
      standing: 'in-arrears',
      arrearsMonths: ['2026-06', '2026-07', '2026-08'],
    });
    accountSpec('2026-10-01')
      .given(renewedUnpaid)
      .when(close('2026-09'))
      .then([
        expect.objectContaining({
          type: 'ContributionArrearsRecorded',
        }) as ContributionAccountEvent,
        expect.objectContaining({
          type: 'ContributionGraceExpired',
          data: expect.objectContaining({ month: '2026-06' }),
        }) as ContributionAccountEvent,
        expect.objectContaining({
          type: 'CoverageLapsed',
          data: expect.objectContaining({
            unpaidMonths: ['2026-06', '2026-07', '2026-08', '2026-09'],
          }),
        }) as ContributionAccountEvent,
      ]);
  });

  it('only closes months that have ended', () => {
    accountSpec('2026-02-28')
      .given(paidJanuary)
      .when(close('2026-02'))
      .thenRejects('MONTH_NOT_ENDED');
  });
});
