import { daysBetween, parseIsoDate, type IsoDate } from '../calendar/iso-date';
import { workingDaysAfter, type WorkingDayCalendar } from '../calendar/working-days';
import { computeComponent, defineComponent } from '../explanation/component-rule';
import { countInput, recordInput, rupiahInput } from '../explanation/decoders';
import { explanationOf, type Explanation } from '../explanation/explanation';
import { floorToRupiah, share, times, whole } from '../money/exact';
import { formatBasisPoints } from '../money/percentage';
import { formatRupiah, parseRupiah } from '../money/rupiah';
import { ruleSetById } from '../rule-sets/registry';
import type { BenefitProgram } from '../rule-sets/vocabulary';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { provenanceOf } from '../shared/sourced';
import { benefitPaymentDueDate } from './payment-due-date';

/** Late payment: the set's share (1%) of the benefit for each day late. No cap in the reference. */
export const latePaymentCompensationRule = defineComponent(
  'LATE_PAYMENT_COMPENSATION',
  recordInput({ benefitAmount: rupiahInput, daysLate: countInput }),
  (ruleSet, input) => {
    const { lateCompensationPerDay: perDay, lateDayCounting: counting } = ruleSet.payment;
    const amount = floorToRupiah(
      times(whole(input.benefitAmount), share(perDay.value), whole(input.daysLate)),
      'late-payment compensation',
    );
    if (!amount.ok) return amount;
    return ok({
      amount: amount.value,
      formula:
        `${formatBasisPoints(perDay.value)} × ${formatRupiah(input.benefitAmount)} × ${input.daysLate} ` +
        `${counting.value} late, rounded down`,
      provenance: provenanceOf(perDay, counting),
    });
  },
);

export interface LatePaymentInput {
  readonly program: BenefitProgram;
  /** The benefit that was paid late. */
  readonly benefitAmount: number;
  readonly completeClaimDate: string;
  readonly paidDate: string;
  readonly calendar: WorkingDayCalendar;
}

export interface LatePaymentAssessment {
  readonly dueDate: IsoDate;
  readonly paidDate: IsoDate;
  readonly daysLate: number;
  /** One LATE_PAYMENT_COMPENSATION component; amount 0 when paid on time. */
  readonly explanation: Explanation;
}

export function latePaymentCompensation(input: LatePaymentInput): Result<LatePaymentAssessment> {
  const benefit = parseRupiah(input.benefitAmount, 'benefitAmount');
  if (!benefit.ok) return benefit;
  const due = benefitPaymentDueDate(input);
  if (!due.ok) return due;
  const paidDate = parseIsoDate(input.paidDate, 'paidDate');
  if (!paidDate.ok) return paidDate;
  if (paidDate.value < due.value.completeClaimDate) {
    return err(
      ruleError('DATES_OUT_OF_ORDER', 'paidDate must not be before completeClaimDate', 'paidDate'),
    );
  }
  const ruleSet = ruleSetById(due.value.ruleSetId);
  if (!ruleSet.ok) return ruleSet;
  const counting = ruleSet.value.payment.lateDayCounting.value;
  const { dueDate } = due.value;
  let daysLate = 0;
  if (paidDate.value > dueDate) {
    switch (counting) {
      case 'calendar-days':
        daysLate = daysBetween(dueDate, paidDate.value);
        break;
      case 'working-days': {
        const counted = workingDaysAfter(dueDate, paidDate.value, input.calendar);
        if (!counted.ok) return counted;
        daysLate = counted.value;
        break;
      }
      default: {
        const _exhaustive: never = counting;
        return _exhaustive;
      }
    }
  }
  const component = computeComponent(latePaymentCompensationRule, ruleSet.value, {
    benefitAmount: benefit.value,
    daysLate,
  });
  if (!component.ok) return component;
  const explanation = explanationOf(ruleSet.value.id, [component.value]);
  return explanation.ok
    ? ok({ dueDate, paidDate: paidDate.value, daysLate, explanation: explanation.value })
    : explanation;
}
