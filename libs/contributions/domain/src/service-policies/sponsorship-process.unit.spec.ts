import type {
  ContributionAccountEvent,
  ParticipantSponsored,
  SponsorPaymentAllocated,
} from '@santunan/contracts';
import { decideContributionAccount } from '../contribution-account/contribution-account.decide';
import type { ContributionAccountCommand } from '../contribution-account/contribution-account.commands';
import {
  evolveContributionAccount,
  initialContributionAccountState,
} from '../contribution-account/contribution-account.state';
import {
  accountContext,
  accountHistory,
  accountSpec,
  accountStateOf,
  FLOOR_CONTRIBUTION,
  programSpec,
  programHistory,
  NTT_PROGRAM,
  type Dated,
} from '../__tests__/fixtures';
import {
  enrolmentFor,
  sponsoredContributionsOf,
  sponsorshipEndAfterRefusal,
  sponsorshipsEndedByDeath,
  sponsorshipStartMonth,
  sponsorshipStartOf,
} from './sponsorship-process';

const NTT = { firstMonth: '2026-01', lastMonth: '2026-12' };

const opened = (
  membership: 'self-paying' | 'sponsored',
  from = '2026-01',
): Dated<ContributionAccountCommand> => [
  '2025-12-15',
  {
    type: 'OpenContributionAccount',
    participantId: 'p-1',
    sector: 'other',
    declaredIncome: 1_000_000,
    incomeEffectiveFrom: from,
    membership:
      membership === 'self-paying'
        ? { kind: 'self-paying' }
        : { kind: 'sponsored', programId: 'ntt-2026' },
  },
];

const sponsored: ParticipantSponsored = {
  programId: 'ntt-2026',
  participantId: 'p-1',
  enrolmentNumber: 1,
  fromMonth: '2026-01',
  toMonth: '2026-12',
  months: 12,
  payerType: 'apbd',
  contribution: FLOOR_CONTRIBUTION,
  commitment: 201_600,
};

describe('sponsorshipStartMonth', () => {
  it('starts at the program’s first month when enrolled before it', () => {
    expect(sponsorshipStartMonth(initialContributionAccountState(), NTT, '2025-12-15')).toBe(
      '2026-01',
    );
  });

  it('never starts before the current month', () => {
    expect(sponsorshipStartMonth(initialContributionAccountState(), NTT, '2026-05-20')).toBe(
      '2026-05',
    );
  });

  it('starts after the months the participant already paid himself', () => {
    const selfPaid = accountHistory([
      opened('self-paying'),
      [
        '2026-01-10',
        {
          type: 'PaySelfContribution',
          paymentReference: 'VA-3',
          firstMonth: '2026-01',
          months: 3,
          amount: 50_400,
          paidAt: '2026-01-10T09:00:00+07:00',
          paidOn: '2026-01-10',
        },
      ],
    ]);
    const enrolment = enrolmentFor('p-1', accountStateOf(selfPaid), NTT, '2026-02-01');
    expect(enrolment).toEqual({
      type: 'EnrolParticipant',
      participantId: 'p-1',
      fromMonth: '2026-04',
    });
    // …which the account accepts, where the current month would have been refused.
    const start = (fromMonth: string): ContributionAccountCommand =>
      sponsorshipStartOf({ ...sponsored, fromMonth });
    accountSpec('2026-02-01')
      .given(selfPaid)
      .when(start('2026-02'))
      .thenRejects('MONTHS_ALREADY_PAID');
    accountSpec('2026-02-01')
      .given(selfPaid)
      .when(start(enrolment.fromMonth))
      .then([
        {
          type: 'SponsorshipStarted',
          data: {
            participantId: 'p-1',
            programId: 'ntt-2026',
            payerType: 'apbd',
            fromMonth: '2026-04',
            toMonth: '2026-12',
            contribution: FLOOR_CONTRIBUTION,
          },
        },
      ]);
  });

  it('is the month the program refuses when its coverage is over', () => {
    programSpec('2027-01-05')
      .given(programHistory([['2025-12-01', NTT_PROGRAM]]))
      .when(enrolmentFor('p-1', initialContributionAccountState(), NTT, '2027-01-05'))
      .thenRejects('ENROLMENT_OUTSIDE_COVERAGE');
  });
});

describe('the sponsorship process: program events → account commands', () => {
  it('starts the sponsorship the program committed budget to', () => {
    accountSpec('2025-12-15')
      .given(accountHistory([opened('sponsored')]))
      .when(sponsorshipStartOf(sponsored))
      .then([
        {
          type: 'SponsorshipStarted',
          data: {
            participantId: 'p-1',
            programId: 'ntt-2026',
            payerType: 'apbd',
            fromMonth: '2026-01',
            toMonth: '2026-12',
            contribution: FLOOR_CONTRIBUTION,
          },
        },
      ]);
  });

  it('fans an allocation batch out to one share per participant, each a no-op when repeated', () => {
    const allocated: SponsorPaymentAllocated = {
      programId: 'ntt-2026',
      month: '2026-01',
      paymentReference: 'SP2D-2026-01',
      paidAt: '2026-01-14T10:00:00+08:00',
      paidOn: '2026-01-14',
      contribution: FLOOR_CONTRIBUTION,
      participantIds: ['p-1', 'p-2'],
      amount: 33_600,
      batch: 1,
      batches: 1,
    };
    const shares = sponsoredContributionsOf(allocated);
    expect(shares.map((share) => share.participantId)).toEqual(['p-1', 'p-2']);
    const history = accountHistory([
      opened('sponsored'),
      ['2025-12-15', sponsorshipStartOf(sponsored)],
    ]);
    const [first] = shares;
    if (first === undefined) throw new Error('no share');
    const paid = accountHistory([['2026-01-14', first.command]], history);
    expect(paid.slice(history.length).map((event) => event.type)).toEqual(['ContributionPaid']);
    accountSpec('2026-01-20').given(paid).when(first.command).thenNothingHappened();
  });
});

describe('death: the sponsorships to end', () => {
  const sponsoredAccount = accountHistory([
    opened('sponsored'),
    ['2025-12-15', sponsorshipStartOf(sponsored)],
  ]);
  const died = (events: readonly ContributionAccountEvent[], dateOfDeath: string) => {
    const state = accountStateOf(events);
    const decision = decideContributionAccount(
      { type: 'RecordDeath', dateOfDeath },
      state,
      accountContext('2026-12-31'),
    );
    if (!decision.ok) throw new Error(decision.rejection.message);
    return decision.events.reduce(evolveContributionAccount, state);
  };

  it('ends a sponsorship running past the death month, at the death month', () => {
    expect(sponsorshipsEndedByDeath(died(sponsoredAccount, '2026-03-10'))).toEqual([
      {
        programId: 'ntt-2026',
        command: {
          type: 'EndSponsorship',
          participantId: 'p-1',
          lastMonth: '2026-03',
          reason: 'participant-deceased',
        },
      },
    ]);
  });

  it('ends nothing when the sponsorship ends in the death month, or for a living participant', () => {
    expect(sponsorshipsEndedByDeath(died(sponsoredAccount, '2026-12-02'))).toEqual([]);
    expect(sponsorshipsEndedByDeath(accountStateOf(sponsoredAccount))).toEqual([]);
  });

  it('ends the enrolment an account refused because the participant had died', () => {
    const account = died(accountHistory([opened('sponsored')]), '2026-02-01');
    programSpec('2026-02-02')
      .given(
        programHistory([
          ['2025-12-01', NTT_PROGRAM],
          ['2025-12-15', { type: 'EnrolParticipant', participantId: 'p-1', fromMonth: '2026-01' }],
        ]),
      )
      .when(sponsorshipEndAfterRefusal(account, sponsored) ?? NTT_PROGRAM)
      .then([
        {
          type: 'ParticipantSponsorshipEnded',
          data: {
            programId: 'ntt-2026',
            participantId: 'p-1',
            lastMonth: '2026-02',
            releasedCommitment: 10 * 16_800,
            reason: 'participant-deceased',
          },
        },
      ]);
    expect(sponsorshipEndAfterRefusal(accountStateOf(sponsoredAccount), sponsored)).toBeNull();
  });
});
