import type {
  ContributionPaid,
  CoverageExtended,
  CoverageLapsed,
  CoverageReinstated,
  IsoDate,
  IsoMonth,
  ParticipantSponsorshipEnded,
  RefundDue,
  SelfPayingMembershipStarted,
  SponsorshipStarted,
} from '@santunan/contracts';
import { firstDayOf } from '../shared/dates';
import type { CoverageFacts, MembershipLapseFact, PaidMonthFact } from './claim-facts';

/**
 * The contributions events a claim's coverage facts are kept from (event-carried state), with
 * only the members they read (a tolerant reader: contributions may add others). The claims
 * service folds them, per participant, into its local projection and reads the result as
 * `ClaimFacts.coverage`. Everything else contributions publishes is ignored here.
 */
export type CoverageEvent =
  | {
      readonly type: 'SponsorshipStarted';
      readonly data: Pick<SponsorshipStarted, 'programId' | 'fromMonth' | 'toMonth'>;
    }
  | {
      readonly type: 'ParticipantSponsorshipEnded';
      readonly data: Pick<ParticipantSponsorshipEnded, 'programId' | 'lastMonth'>;
    }
  | {
      readonly type: 'SelfPayingMembershipStarted';
      readonly data: Pick<SelfPayingMembershipStarted, 'fromMonth'>;
    }
  | {
      readonly type: 'ContributionPaid';
      readonly data: Pick<
        ContributionPaid,
        'month' | 'payer' | 'paymentReference' | 'paidAt' | 'paidOn' | 'coverageExtended'
      >;
    }
  | { readonly type: 'CoverageExtended'; readonly data: Pick<CoverageExtended, 'firstPaidMonth'> }
  | {
      readonly type: 'CoverageLapsed';
      readonly data: Pick<CoverageLapsed, 'unpaidMonths' | 'cause'>;
    }
  | { readonly type: 'CoverageReinstated'; readonly data: Pick<CoverageReinstated, 'from'> }
  | {
      readonly type: 'RefundDue';
      readonly data: {
        readonly lines: readonly Pick<RefundDue['lines'][number], 'month' | 'paymentReference'>[];
      };
    };

export type CoverageEventType = CoverageEvent['type'];

export const COVERAGE_EVENT_TYPES: readonly CoverageEventType[] = [
  'SponsorshipStarted',
  'ParticipantSponsorshipEnded',
  'SelfPayingMembershipStarted',
  'ContributionPaid',
  'CoverageExtended',
  'CoverageLapsed',
  'CoverageReinstated',
  'RefundDue',
];

const COVERAGE_TYPES: ReadonlySet<string> = new Set(COVERAGE_EVENT_TYPES);

export function isCoverageEventType(type: string): type is CoverageEventType {
  return COVERAGE_TYPES.has(type);
}

export const emptyCoverageFacts = (): CoverageFacts => ({
  paidMonths: [],
  sponsorships: [],
  lapses: [],
  firstPaidMonth: null,
});

function byMonthThenDay(a: PaidMonthFact, b: PaidMonthFact): number {
  const first = a.month.localeCompare(b.month);
  return first !== 0 ? first : a.paidOn.localeCompare(b.paidOn);
}

function withLapses(facts: CoverageFacts, lapses: readonly MembershipLapseFact[]): CoverageFacts {
  return { ...facts, lapses: [...lapses].sort((a, b) => a.lapsedFrom.localeCompare(b.lapsedFrom)) };
}

/**
 * One contributions event applied to a participant's coverage facts. Redelivered events change
 * nothing (paid months by month and reference, sponsorships by program and start, lapses by
 * start). `occurredOn` is the event's local date (Asia/Jakarta): the day a reinstatement took
 * effect, which the event itself does not carry.
 */
export function evolveCoverageFacts(
  facts: CoverageFacts,
  event: CoverageEvent,
  occurredOn: IsoDate,
): CoverageFacts {
  switch (event.type) {
    case 'SponsorshipStarted': {
      const { programId, fromMonth, toMonth } = event.data;
      const known = facts.sponsorships.some(
        (period) => period.programId === programId && period.fromMonth === fromMonth,
      );
      if (known) return facts;
      return {
        ...facts,
        sponsorships: [...facts.sponsorships, { programId, fromMonth, toMonth }].sort((a, b) =>
          a.fromMonth.localeCompare(b.fromMonth),
        ),
      };
    }
    case 'ParticipantSponsorshipEnded': {
      // The death ends the sponsorship after its month: later months are no longer sponsored.
      const { programId, lastMonth } = event.data;
      return {
        ...facts,
        sponsorships: facts.sponsorships
          .filter((period) => period.programId !== programId || period.fromMonth <= lastMonth)
          .map((period) =>
            period.programId === programId &&
            (period.toMonth === null || period.toMonth > lastMonth)
              ? { ...period, toMonth: lastMonth }
              : period,
          ),
      };
    }
    case 'SelfPayingMembershipStarted': {
      // A new membership after a self-paying lapse: active again from its first month.
      const from = firstDayOf(event.data.fromMonth);
      return withLapses(
        facts,
        facts.lapses.map((lapse) =>
          lapse.reinstatedOn === null && lapse.lapsedFrom < from
            ? { ...lapse, reinstatedOn: from }
            : lapse,
        ),
      );
    }
    case 'ContributionPaid': {
      const { month, payer, paymentReference, paidAt, paidOn } = event.data;
      const known = facts.paidMonths.some(
        (paid) => paid.month === month && paid.reference === paymentReference,
      );
      if (known) return facts;
      // v2 carries the coverage it extended; before v2 a CoverageExtended followed it.
      const extended = event.data.coverageExtended;
      const paid: PaidMonthFact = {
        month,
        paidAt,
        paidOn,
        payer: payer.kind === 'self' ? { kind: 'self' } : payer,
        reference: paymentReference,
      };
      return {
        ...facts,
        ...(extended ? { firstPaidMonth: extended.firstPaidMonth } : {}),
        paidMonths: [...facts.paidMonths, paid].sort(byMonthThenDay),
      };
    }
    case 'CoverageExtended':
      return { ...facts, firstPaidMonth: event.data.firstPaidMonth };
    case 'CoverageLapsed': {
      const first: IsoMonth | undefined = event.data.unpaidMonths[0];
      if (first === undefined) return facts;
      const lapsedFrom = firstDayOf(first);
      if (facts.lapses.some((lapse) => lapse.lapsedFrom === lapsedFrom)) return facts;
      return withLapses(facts, [
        ...facts.lapses,
        { lapsedFrom, reinstatedOn: null, cause: event.data.cause },
      ]);
    }
    case 'CoverageReinstated': {
      if (event.data.from !== 'lapsed') return facts;
      // A sponsor that paid every month it left unpaid reinstates the participant as if the
      // lapse never was (rules reference §7; ADR 0009): the lapse is dropped, and each month
      // is still judged by when the sponsor paid it. Any other lapse ends on the day it did.
      return withLapses(
        facts,
        facts.lapses
          .filter((lapse) => !(lapse.reinstatedOn === null && lapse.cause === 'sponsor-arrears'))
          .map((lapse) =>
            lapse.reinstatedOn === null ? { ...lapse, reinstatedOn: occurredOn } : lapse,
          ),
      );
    }
    case 'RefundDue': {
      // Refunded months (paid for after a death) were never owed: they no longer count.
      const refunded = new Set(
        event.data.lines.map((line) => `${line.month}|${line.paymentReference}`),
      );
      return {
        ...facts,
        paidMonths: facts.paidMonths.filter(
          (paid) => !refunded.has(`${paid.month}|${paid.reference}`),
        ),
      };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
