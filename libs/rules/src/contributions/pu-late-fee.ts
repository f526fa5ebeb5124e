import { parseIsoDate, partsOf, type IsoDate } from '../calendar/iso-date';
import type { WorkingDayCalendar } from '../calendar/working-days';
import { addMonths, dayOfMonth, monthIndex, yearMonthOf } from '../calendar/year-month';
import { computeComponent, defineComponent } from '../explanation/component-rule';
import {
  dateInput,
  nullableInput,
  recordInput,
  rupiahInput,
  yearMonthInput,
} from '../explanation/decoders';
import { explanationOf, type Explanation } from '../explanation/explanation';
import { halfUpToRupiah, share, times, whole } from '../money/exact';
import { formatBasisPoints } from '../money/percentage';
import { formatRupiah, parseRupiah, ZERO_RUPIAH } from '../money/rupiah';
import type { LateFeePartMonths } from '../rule-sets/rule-set';
import { ok, type Result } from '../shared/result';
import { provenanceOf } from '../shared/sourced';
import { billedUnder, contributionRuleSet } from './contribution-month';
import type { ContributionDueDate } from './due-date';
import { parsePaidThrough, puDueDate, puReliefFor } from './pu-relief';

/** The same day `months` months after `date`, clamped to that month's last day. */
function sameDayMonthsLater(date: IsoDate, months: number): IsoDate {
  return dayOfMonth(addMonths(yearMonthOf(date), months), partsOf(date).day);
}

/**
 * Months of delay for the PU late fee. Paid on or before the due date: 0. Otherwise month k of
 * the delay ends on the due date's day of the month k months later (clamped to that month's last
 * day, always counted from the due date itself so a 31st does not drift): due 2026-01-31 → the
 * first month ends 2026-02-28, the second 2026-03-31. A payment on the day a month ends falls
 * inside that month. Under 'started-month-counts-whole' every started month counts; under
 * 'completed-months-only' only those that have ended by the payment date.
 */
export function monthsOfDelay(dueDate: IsoDate, paidOn: IsoDate, rule: LateFeePartMonths): number {
  if (paidOn <= dueDate) return 0;
  // The delay is `candidate` months or one more or less, by where month `candidate` ends.
  const candidate = monthIndex(yearMonthOf(paidOn)) - monthIndex(yearMonthOf(dueDate));
  const end = sameDayMonthsLater(dueDate, candidate);
  switch (rule) {
    case 'started-month-counts-whole':
      return end >= paidOn ? candidate : candidate + 1;
    case 'completed-months-only':
      return end <= paidOn ? candidate : candidate - 1;
    default: {
      const _exhaustive: never = rule;
      return _exhaustive;
    }
  }
}

/**
 * The PU late fee: the monthly rate (2%; 0.5% for a PP 49/2020 relief month) × months of delay ×
 * the amount owed, rounded half up once. The due date is an input: it is a fact of the invoice
 * (it needed the working-day calendar), so a stored fee recomputes without the calendar.
 */
export const puLateFeeRule = defineComponent(
  'PU_LATE_FEE',
  recordInput({
    contributionMonth: yearMonthInput,
    employerPaidThrough: nullableInput(yearMonthInput),
    amountOwed: rupiahInput,
    dueDate: dateInput,
    paidOn: dateInput,
  }),
  (ruleSet, input) => {
    const billed = billedUnder(ruleSet, input.contributionMonth);
    if (!billed.ok) return billed;
    const pu = ruleSet.contributions.pu;
    const relief = puReliefFor(input.contributionMonth, input.employerPaidThrough);
    const rate = relief.applies ? relief.lateFeePerMonth : pu.lateFeePerMonth;
    const months = monthsOfDelay(input.dueDate, input.paidOn, pu.lateFeePartMonths.value);
    if (months === 0) {
      return ok({
        amount: ZERO_RUPIAH,
        formula: `paid on ${input.paidOn}, on or before the due date ${input.dueDate}: no late fee`,
        provenance: provenanceOf(rate),
      });
    }
    const amount = halfUpToRupiah(
      times(whole(input.amountOwed), share(rate.value), whole(months)),
      'PU late fee',
    );
    if (!amount.ok) return amount;
    const label = relief.applies ? ` (${relief.ruleSetId} relief)` : '';
    return ok({
      amount: amount.value,
      formula:
        `${formatBasisPoints(rate.value)}${label} × ${months} month${months === 1 ? '' : 's'} of delay ` +
        `(due ${input.dueDate}, paid ${input.paidOn}) × ${formatRupiah(input.amountOwed)}, rounded half up`,
      provenance: provenanceOf(rate, pu.lateFeePartMonths),
    });
  },
);

export interface PuLateFeeInput {
  readonly contributionMonth: string;
  /** What was owed for the month and paid late (the bill, or what of it was still unpaid). */
  readonly amountOwed: number;
  readonly paidOn: string;
  /** As for `puInvoiceLine`: decides whether the relief's due date and fee rate apply. */
  readonly employerPaidThrough: string | null;
  readonly calendar: WorkingDayCalendar;
}

export interface PuLateFeeAssessment {
  readonly due: ContributionDueDate;
  readonly monthsLate: number;
  readonly explanation: Explanation;
}

/** The late fee on a PU contribution month paid on `paidOn`; 0 when paid by the due date. */
export function puLateFee(input: PuLateFeeInput): Result<PuLateFeeAssessment> {
  const context = contributionRuleSet(input.contributionMonth);
  if (!context.ok) return context;
  const amountOwed = parseRupiah(input.amountOwed, 'amountOwed');
  if (!amountOwed.ok) return amountOwed;
  const paidOn = parseIsoDate(input.paidOn, 'paidOn');
  if (!paidOn.ok) return paidOn;
  const paidThrough = parsePaidThrough(input.employerPaidThrough);
  if (!paidThrough.ok) return paidThrough;
  const { month, ruleSet } = context.value;
  const due = puDueDate(ruleSet, month, puReliefFor(month, paidThrough.value), input.calendar);
  if (!due.ok) return due;
  const fee = computeComponent(puLateFeeRule, ruleSet, {
    contributionMonth: month,
    employerPaidThrough: paidThrough.value,
    amountOwed: amountOwed.value,
    dueDate: due.value.dueDate,
    paidOn: paidOn.value,
  });
  if (!fee.ok) return fee;
  const explanation = explanationOf(ruleSet.id, [fee.value]);
  if (!explanation.ok) return explanation;
  return ok({
    due: due.value,
    monthsLate: monthsOfDelay(
      due.value.dueDate,
      paidOn.value,
      ruleSet.contributions.pu.lateFeePartMonths.value,
    ),
    explanation: explanation.value,
  });
}
