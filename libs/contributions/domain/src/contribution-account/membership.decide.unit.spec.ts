import type { ContributionAccountEvent } from '@santunan/contracts';
import {
  accountHistory,
  accountSpec,
  FLOOR_CONTRIBUTION,
  nttSponsorship,
  openSelfPayingAccount,
} from '../__tests__/fixtures';
import type { OpenContributionAccount, StartSponsorship } from './contribution-account.commands';

const today = '2026-01-05';
const spec = accountSpec(today);

const selfPaying: OpenContributionAccount = openSelfPayingAccount('transport');
const sponsored: OpenContributionAccount = {
  ...selfPaying,
  sector: 'other',
  membership: { kind: 'sponsored', programId: 'ntt-2026' },
};
const sponsorship: StartSponsorship = nttSponsorship('2026-02');

describe('contribution account: opening and membership', () => {
  it('opens a self-paying account with its membership from the income month', () => {
    spec
      .given([])
      .when(selfPaying)
      .then([
        {
          type: 'ContributionAccountOpened',
          data: {
            participantId: 'p-1',
            sector: 'transport',
            declaredIncome: 1_000_000,
            incomeEffectiveFrom: '2026-01',
          },
        },
        {
          type: 'SelfPayingMembershipStarted',
          data: { participantId: 'p-1', fromMonth: '2026-01' },
        },
      ]);
  });

  it('opens a sponsored account without a membership: the program commits budget first', () => {
    spec
      .given([])
      .when(sponsored)
      .then([
        {
          type: 'ContributionAccountOpened',
          data: {
            participantId: 'p-1',
            sector: 'other',
            declaredIncome: 1_000_000,
            incomeEffectiveFrom: '2026-01',
          },
        },
      ]);
  });

  it('treats a redelivered registration as a retry, and other data as a conflict', () => {
    const opened = accountHistory([[today, selfPaying]]);
    spec.given(opened).when(selfPaying).thenNothingHappened();
    spec
      .given(opened)
      .when({ ...selfPaying, declaredIncome: 2_000_000 })
      .thenRejects('ACCOUNT_ALREADY_OPENED');
  });

  it.each<[string, Partial<OpenContributionAccount>, string]>([
    ['no participant id', { participantId: '' }, 'ACCOUNT_INVALID'],
    ['an unknown sector', { sector: 'fishing' as 'other' }, 'ACCOUNT_INVALID'],
    ['a fractional income', { declaredIncome: 1_000_000.5 }, 'ACCOUNT_INVALID'],
    ['a bad month', { incomeEffectiveFrom: '2026-13' }, 'INCOME_EFFECTIVE_MONTH_INVALID'],
  ])('refuses an account with %s', (_label, change, code) => {
    spec
      .given([])
      .when({ ...selfPaying, ...change })
      .thenRejects(code);
  });

  it('refuses anything but opening on an account never opened', () => {
    spec
      .given([])
      .when({ type: 'BillContributionMonth', month: '2026-01' })
      .thenRejects('ACCOUNT_NOT_OPENED');
  });

  it('records a new declared income from a later month, once', () => {
    const opened = accountHistory([[today, selfPaying]]);
    const change = {
      type: 'RecordDeclaredIncome',
      declaredIncome: 2_500_000,
      effectiveFrom: '2026-06',
    } as const;
    spec
      .given(opened)
      .when(change)
      .then([
        {
          type: 'DeclaredIncomeRecorded',
          data: { participantId: 'p-1', declaredIncome: 2_500_000, effectiveFrom: '2026-06' },
        },
      ]);
    spec
      .given(accountHistory([[today, change]], opened))
      .when(change)
      .thenNothingHappened();
    spec
      .given(opened)
      .when({ ...change, effectiveFrom: '2026-01' })
      .thenRejects('INCOME_EFFECTIVE_MONTH_INVALID');
  });

  it('starts a sponsorship with its period and the agreed tariff, once', () => {
    const opened = accountHistory([[today, sponsored]]);
    const started: ContributionAccountEvent = {
      type: 'SponsorshipStarted',
      data: {
        participantId: 'p-1',
        programId: 'ntt-2026',
        payerType: 'apbd',
        fromMonth: '2026-02',
        toMonth: '2026-12',
        contribution: FLOOR_CONTRIBUTION,
      },
    };
    spec.given(opened).when(sponsorship).then([started]);
    spec
      .given([...opened, started])
      .when(sponsorship)
      .thenNothingHappened();
    spec
      .given([...opened, started])
      .when({ ...sponsorship, programId: 'kupang-2026', fromMonth: '2026-06' })
      .thenRejects('SPONSORSHIP_CONFLICT');
    spec
      .given(opened)
      .when({ ...sponsorship, toMonth: '2026-01' })
      .thenRejects('SPONSORSHIP_INVALID');
    // A year the rules library cannot assess would make masa iur fail later.
    spec
      .given(opened)
      .when({ ...sponsorship, fromMonth: '0026-01' })
      .thenRejects('SPONSORSHIP_INVALID');
  });

  it('does not sell the sponsor months the participant already paid', () => {
    const paidAhead = accountHistory([
      [today, selfPaying],
      [
        today,
        {
          type: 'PaySelfContribution',
          paymentReference: 'VA-1',
          firstMonth: '2026-01',
          months: 3,
          amount: 3 * 8_400,
          paidAt: '2026-01-05T08:00:00+07:00',
          paidOn: today,
        },
      ],
    ]);
    spec
      .given(paidAhead)
      .when(sponsorship)
      .thenRejects({ code: 'MONTHS_ALREADY_PAID', details: { months: ['2026-02', '2026-03'] } });
    spec
      .given(paidAhead)
      .when({ ...sponsorship, fromMonth: '2026-04' })
      .then([expect.objectContaining({ type: 'SponsorshipStarted' }) as ContributionAccountEvent]);
  });

  it('lets a worker go on self-paying after the sponsorship ends, never backdated', () => {
    const history = accountHistory([
      [today, sponsored],
      [today, { ...sponsorship, fromMonth: '2026-01' }],
    ]);
    const december = accountSpec('2026-12-20');
    december
      .given(history)
      .when({ type: 'StartSelfPayingMembership', fromMonth: '2027-01' })
      .then([
        {
          type: 'SelfPayingMembershipStarted',
          data: { participantId: 'p-1', fromMonth: '2027-01' },
        },
      ]);
    december
      .given(history)
      .when({ type: 'StartSelfPayingMembership', fromMonth: '2026-12' })
      .thenRejects('MEMBERSHIP_ALREADY_ACTIVE');
    accountSpec('2027-02-01')
      .given(history)
      .when({ type: 'StartSelfPayingMembership', fromMonth: '2027-01' })
      .thenRejects('MEMBERSHIP_START_IN_THE_PAST');
  });
});
