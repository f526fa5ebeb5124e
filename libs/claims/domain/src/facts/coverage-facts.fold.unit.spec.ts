import type { ContributionPaid, ContributionsEvent } from '@santunan/contracts';
import { facts, participant } from '../__tests__/fixtures';
import { coveredOnIncidentDate } from '../policies/covered-on-incident-date.policy';
import { membershipActive } from '../policies/membership-active.policy';
import type { PolicyInput } from '../policies/policy';
import type { CoverageFacts } from './claim-facts';
import {
  emptyCoverageFacts,
  evolveCoverageFacts,
  isCoverageEventType,
  type CoverageEventType,
} from './coverage-facts.fold';

// The contract's full events: what contributions publishes fits what the fold reads.
type CoverageEvent = Extract<ContributionsEvent, { type: CoverageEventType }>;

const paid = (
  month: string,
  paidOn: string,
  overrides: Partial<ContributionPaid> = {},
): CoverageEvent => ({
  type: 'ContributionPaid',
  data: {
    participantId: 'p-1',
    month,
    payer: { kind: 'self' },
    jkk: 10_000,
    jkm: 6_800,
    amount: 16_800,
    paymentReference: `ref-${month}`,
    paidAt: `${paidOn}T02:00:00.000Z`,
    paidOn,
    graceLastMonth: month,
    withinGrace: true,
    coverageExtended: null,
    ...overrides,
  },
});

const sponsored = (programId: string, fromMonth: string, toMonth: string): CoverageEvent => ({
  type: 'SponsorshipStarted',
  data: {
    participantId: 'p-1',
    programId,
    payerType: 'apbd',
    fromMonth,
    toMonth,
    contribution: { jkk: 10_000, jkm: 6_800, total: 16_800 },
  },
});

const lapsed = (
  unpaidMonths: string[],
  cause: 'self-paying-arrears' | 'sponsor-arrears',
): CoverageEvent => ({
  type: 'CoverageLapsed',
  data: {
    participantId: 'p-1',
    unpaidMonths,
    cause,
    payer:
      cause === 'self-paying-arrears' ? { kind: 'self' } : { kind: 'program', programId: 'ntt' },
    reinstatable: cause === 'sponsor-arrears',
  },
});

const reinstated = (from: 'lapsed' | 'in-arrears'): CoverageEvent => ({
  type: 'CoverageReinstated',
  data: {
    participantId: 'p-1',
    from,
    paidBy: { kind: 'program', programId: 'ntt' },
    paymentReference: 'ntt-2026-05',
    paidThrough: '2026-08',
  },
});

function fold(events: readonly CoverageEvent[], occurredOn = '2026-06-01'): CoverageFacts {
  return events.reduce(
    (current, event) => evolveCoverageFacts(current, event, occurredOn),
    emptyCoverageFacts(),
  );
}

describe('coverage facts folded from contributions events', () => {
  it('keeps each paid month with its payer, reference and local paid-on date, in month order', () => {
    const coverage = fold([
      paid('2026-02', '2026-02-10'),
      paid('2026-01', '2026-01-09', {
        payer: { kind: 'program', programId: 'ntt' },
        paymentReference: 'ntt-01',
      }),
    ]);
    expect(coverage.paidMonths).toEqual([
      {
        month: '2026-01',
        paidAt: '2026-01-09T02:00:00.000Z',
        paidOn: '2026-01-09',
        payer: { kind: 'program', programId: 'ntt' },
        reference: 'ntt-01',
      },
      {
        month: '2026-02',
        paidAt: '2026-02-10T02:00:00.000Z',
        paidOn: '2026-02-10',
        payer: { kind: 'self' },
        reference: 'ref-2026-02',
      },
    ]);
  });

  it('changes nothing when an event is delivered again (at-least-once)', () => {
    const once = fold([
      paid('2026-01', '2026-01-09'),
      sponsored('ntt', '2026-01', '2026-12'),
      lapsed(['2026-02', '2026-03', '2026-04', '2026-05'], 'self-paying-arrears'),
    ]);
    const twice = fold([
      paid('2026-01', '2026-01-09'),
      paid('2026-01', '2026-01-09'),
      sponsored('ntt', '2026-01', '2026-12'),
      sponsored('ntt', '2026-01', '2026-12'),
      lapsed(['2026-02', '2026-03', '2026-04', '2026-05'], 'self-paying-arrears'),
      lapsed(['2026-02', '2026-03', '2026-04', '2026-05'], 'self-paying-arrears'),
    ]);
    expect(twice).toEqual(once);
  });

  it('takes the first paid month from CoverageExtended', () => {
    const coverage = fold([
      {
        type: 'CoverageExtended',
        data: {
          participantId: 'p-1',
          paidThrough: '2026-03',
          firstPaidMonth: '2026-01',
          masaIurMonths: 3,
        },
      },
    ]);
    expect(coverage.firstPaidMonth).toBe('2026-01');
  });

  it('shortens a sponsorship at the death month, and drops one that had not started', () => {
    const coverage = fold([
      sponsored('ntt', '2026-01', '2026-12'),
      sponsored('kupang', '2027-01', '2027-12'),
      {
        type: 'ParticipantSponsorshipEnded',
        data: {
          programId: 'ntt',
          participantId: 'p-1',
          lastMonth: '2026-05',
          releasedCommitment: 117_600,
          reason: 'participant-deceased',
        },
      },
      {
        type: 'ParticipantSponsorshipEnded',
        data: {
          programId: 'kupang',
          participantId: 'p-1',
          lastMonth: '2026-05',
          releasedCommitment: 201_600,
          reason: 'participant-deceased',
        },
      },
    ]);
    expect(coverage.sponsorships).toEqual([
      { programId: 'ntt', fromMonth: '2026-01', toMonth: '2026-05' },
    ]);
  });

  it('records a lapse from the first day of the first unpaid month of its run', () => {
    const coverage = fold([
      lapsed(['2026-02', '2026-03', '2026-04', '2026-05'], 'self-paying-arrears'),
    ]);
    expect(coverage.lapses).toEqual([
      { lapsedFrom: '2026-02-01', reinstatedOn: null, cause: 'self-paying-arrears' },
    ]);
  });

  it('drops a sponsor-arrears lapse once the sponsor paid the arrears (retroactive reinstatement)', () => {
    const coverage = fold([
      lapsed(['2026-05', '2026-06', '2026-07', '2026-08'], 'sponsor-arrears'),
      reinstated('lapsed'),
    ]);
    expect(coverage.lapses).toEqual([]);
  });

  it('ignores a reinstatement from arrears: nothing had lapsed', () => {
    const coverage = fold([
      lapsed(['2026-01', '2026-02', '2026-03', '2026-04'], 'self-paying-arrears'),
      reinstated('in-arrears'),
    ]);
    expect(coverage.lapses).toEqual([
      { lapsedFrom: '2026-01-01', reinstatedOn: null, cause: 'self-paying-arrears' },
    ]);
  });

  it('ends a self-paying lapse when a new self-paying membership starts', () => {
    const coverage = fold([
      lapsed(['2026-01', '2026-02', '2026-03', '2026-04'], 'self-paying-arrears'),
      { type: 'SelfPayingMembershipStarted', data: { participantId: 'p-1', fromMonth: '2026-09' } },
    ]);
    expect(coverage.lapses).toEqual([
      { lapsedFrom: '2026-01-01', reinstatedOn: '2026-09-01', cause: 'self-paying-arrears' },
    ]);
  });

  it('forgets months refunded after a death: they were never owed', () => {
    const coverage = fold([
      paid('2026-05', '2026-01-10', { paymentReference: 'ahead' }),
      paid('2026-06', '2026-01-10', { paymentReference: 'ahead' }),
      {
        type: 'RefundDue',
        data: {
          participantId: 'p-1',
          payer: { kind: 'self' },
          months: ['2026-06'],
          amount: 16_800,
          lines: [{ month: '2026-06', paymentReference: 'ahead', amount: 16_800 }],
          reason: 'months-after-death',
        },
      },
    ]);
    expect(coverage.paidMonths.map((month) => month.month)).toEqual(['2026-05']);
  });

  it.each([
    ['ContributionPaid', true],
    ['CoverageLapsed', true],
    ['ContributionBilled', false],
    ['SponsorProgramOpened', false],
  ])('knows whether %s is a coverage event (%s)', (type, expected) => {
    expect(isCoverageEventType(type)).toBe(expected);
  });

  describe('read by the eligibility policies', () => {
    const input = (coverage: CoverageFacts, incidentDate: string): PolicyInput => ({
      claim: {
        claimId: 'claim-1',
        participantId: 'p-1',
        program: 'jkm',
        benefitType: 'jkm-death',
        incidentDate,
        dateOfDeath: incidentDate,
        claimDate: incidentDate,
        benefits: [],
        accidentReportId: null,
      },
      facts: facts({ participant: participant({ registeredOn: '2026-01-02' }), coverage }),
      today: '2026-11-24',
      sponsorGraceMonths: 3,
    });

    it('rejects an incident while the self-paying membership had lapsed', () => {
      const coverage = fold([
        paid('2026-01', '2026-01-09'),
        lapsed(['2026-02', '2026-03', '2026-04', '2026-05'], 'self-paying-arrears'),
      ]);
      const at = input(coverage, '2026-06-10');
      expect(membershipActive(at)).toMatchObject({
        outcome: 'rejected',
        code: 'MEMBERSHIP_LAPSED',
      });
      expect(coveredOnIncidentDate(at)).toMatchObject({
        outcome: 'rejected',
        code: 'INCIDENT_MONTH_NOT_PAID',
      });
    });

    it('covers a sponsored month the sponsor paid within its grace, after the lapse was undone', () => {
      const coverage = fold([
        sponsored('ntt', '2026-01', '2026-12'),
        lapsed(['2026-05', '2026-06', '2026-07', '2026-08'], 'sponsor-arrears'),
        paid('2026-06', '2026-09-10', {
          payer: { kind: 'program', programId: 'ntt' },
          paymentReference: 'ntt-06',
        }),
        reinstated('lapsed'),
      ]);
      const at = input(coverage, '2026-06-20');
      expect(membershipActive(at)).toMatchObject({ outcome: 'allowed' });
      expect(coveredOnIncidentDate(at)).toMatchObject({ outcome: 'allowed' });
    });
  });
});
