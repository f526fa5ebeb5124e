import { monthOf, type IsoDate, type IsoMonth } from '@santunan/domain-kernel';
import type { CoverageFacts, PaidMonthFact, SponsorshipPeriodFact } from '../facts/claim-facts';
import { addMonths, lastDayOfMonth } from '../shared/dates';

/**
 * How the incident month stands under product decision 1. Self-paying BPU: covered iff the
 * month was paid on or before the incident date (arrears paid afterwards never cover a past
 * incident). Sponsored BPU: covered iff the month lies in a sponsorship period and the sponsor
 * pays it within the grace; until then the claim waits.
 */
export type IncidentMonthCoverage =
  | { readonly kind: 'paid-by-incident'; readonly month: IsoMonth; readonly payment: PaidMonthFact }
  | {
      readonly kind: 'sponsor-paid-in-grace';
      readonly month: IsoMonth;
      readonly programId: string;
      readonly payment: PaidMonthFact;
      readonly graceEndsOn: IsoDate;
    }
  | {
      readonly kind: 'sponsor-payment-pending';
      readonly month: IsoMonth;
      readonly programId: string;
      readonly graceEndsOn: IsoDate;
    }
  | {
      readonly kind: 'sponsor-not-paid-in-grace';
      readonly month: IsoMonth;
      readonly programId: string;
      readonly graceEndsOn: IsoDate;
      readonly paidOn: IsoDate | null;
    }
  | {
      readonly kind: 'paid-after-incident';
      readonly month: IsoMonth;
      readonly payment: PaidMonthFact;
    }
  /** PU: the employer owes the month whenever it pays it (the platform's PU default). */
  | { readonly kind: 'paid-by-employer'; readonly month: IsoMonth; readonly payment: PaidMonthFact }
  | { readonly kind: 'not-paid'; readonly month: IsoMonth };

export interface CoverageQuestion {
  readonly coverage: CoverageFacts;
  readonly segment: 'bpu' | 'pu';
  readonly incidentDate: IsoDate;
  /** The day the question is asked: a sponsor still within the grace may yet pay. */
  readonly today: IsoDate;
  readonly graceMonths: number;
}

/** The last day a sponsor may pay `month` (end of month + grace, as contributions publishes). */
export function sponsorGraceEndsOn(month: IsoMonth, graceMonths: number): IsoDate {
  return lastDayOfMonth(addMonths(month, graceMonths));
}

export function sponsorshipFor(
  sponsorships: readonly SponsorshipPeriodFact[],
  month: IsoMonth,
): SponsorshipPeriodFact | undefined {
  return sponsorships.find(
    (period) => period.fromMonth <= month && (period.toMonth === null || month <= period.toMonth),
  );
}

function earliest(payments: readonly PaidMonthFact[]): PaidMonthFact | undefined {
  return [...payments].sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0))[0];
}

export function incidentMonthCoverage(question: CoverageQuestion): IncidentMonthCoverage {
  const { coverage, incidentDate, today, graceMonths } = question;
  const month = monthOf(incidentDate);
  const payments = coverage.paidMonths.filter((payment) => payment.month === month);
  if (question.segment === 'pu') {
    const payment = earliest(payments);
    return payment === undefined
      ? { kind: 'not-paid', month }
      : { kind: 'paid-by-employer', month, payment };
  }
  const byIncident = earliest(payments.filter((payment) => payment.paidOn <= incidentDate));
  if (byIncident !== undefined) return { kind: 'paid-by-incident', month, payment: byIncident };

  const sponsorship = sponsorshipFor(coverage.sponsorships, month);
  if (sponsorship !== undefined) {
    const graceEndsOn = sponsorGraceEndsOn(month, graceMonths);
    const programId = sponsorship.programId;
    const sponsorPayment = earliest(
      payments.filter(
        (payment) => payment.payer.kind === 'program' && payment.payer.programId === programId,
      ),
    );
    if (sponsorPayment !== undefined) {
      return sponsorPayment.paidOn <= graceEndsOn
        ? { kind: 'sponsor-paid-in-grace', month, programId, payment: sponsorPayment, graceEndsOn }
        : {
            kind: 'sponsor-not-paid-in-grace',
            month,
            programId,
            graceEndsOn,
            paidOn: sponsorPayment.paidOn,
          };
    }
    return today <= graceEndsOn
      ? { kind: 'sponsor-payment-pending', month, programId, graceEndsOn }
      : { kind: 'sponsor-not-paid-in-grace', month, programId, graceEndsOn, paidOn: null };
  }
  const late = earliest(payments);
  return late === undefined
    ? { kind: 'not-paid', month }
    : { kind: 'paid-after-incident', month, payment: late };
}

/**
 * The months that count as paid at the incident: up to the incident month, paid on or before
 * the incident date, or sponsored and paid by the sponsor within the grace (PU: paid at all).
 * Masa iur is their distinct count (product decision 3); arrears paid after a death never
 * lengthen it.
 */
export function monthsPaidAtIncident(question: Omit<CoverageQuestion, 'today'>): IsoMonth[] {
  const { coverage, incidentDate, graceMonths, segment } = question;
  const incidentMonth = monthOf(incidentDate);
  const counted = new Set<IsoMonth>();
  for (const payment of coverage.paidMonths) {
    if (payment.month > incidentMonth) continue;
    const sponsorship = sponsorshipFor(coverage.sponsorships, payment.month);
    const inTime =
      segment === 'pu' ||
      payment.paidOn <= incidentDate ||
      (sponsorship !== undefined &&
        payment.payer.kind === 'program' &&
        payment.payer.programId === sponsorship.programId &&
        payment.paidOn <= sponsorGraceEndsOn(payment.month, graceMonths));
    if (inTime) counted.add(payment.month);
  }
  return [...counted].sort();
}
