import type { IsoDate, PayoutSla } from '@santunan/contracts';
import {
  addWorkingDays,
  daysBetween,
  latePaymentCompensation,
  parseIsoDate,
  recompute,
  ruleSetById,
  type Explanation,
  type Result,
  type WorkingDayCalendar,
} from '@santunan/rules';

export interface LatePaymentInput {
  /** The benefit paid late: the payout's amount. */
  readonly benefitAmount: number;
  readonly sla: PayoutSla;
  readonly settledOn: IsoDate;
  readonly calendar: WorkingDayCalendar;
}

export interface LatePaymentAssessment {
  readonly dueDate: IsoDate;
  readonly settledOn: IsoDate;
  readonly daysLate: number;
  /** One LATE_PAYMENT_COMPENSATION component (1% of the benefit per day, floored). */
  readonly explanation: Explanation;
}

/** Working days after `dueDate` up to and including `settledOn`. */
function workingDaysLate(
  dueDate: IsoDate,
  settledOn: IsoDate,
  calendar: WorkingDayCalendar,
): Result<number> {
  const from = parseIsoDate(dueDate, 'dueDate');
  if (!from.ok) return from;
  let days = 0;
  for (let day = from.value; ; days += 1) {
    const next = addWorkingDays(day, 1, calendar);
    if (!next.ok) return next;
    if (next.value > settledOn) return { ok: true, value: days };
    day = next.value;
  }
}

/**
 * Days late counted from the decision's own due date, under the rule set that fixed it, and
 * priced by the same LATE_PAYMENT_COMPENSATION rule through `recompute`.
 */
function fromRecordedDueDate(input: LatePaymentInput): Result<LatePaymentAssessment> {
  const { sla, settledOn, benefitAmount, calendar } = input;
  const ruleSet = ruleSetById(sla.ruleSetId);
  if (!ruleSet.ok) return ruleSet;
  const counting = ruleSet.value.payment.lateDayCounting.value;
  let daysLate: Result<number>;
  switch (counting) {
    case 'calendar-days': {
      const due = parseIsoDate(sla.dueDate, 'dueDate');
      const settled = parseIsoDate(settledOn, 'settledOn');
      if (!due.ok) return due;
      if (!settled.ok) return settled;
      daysLate = { ok: true, value: daysBetween(due.value, settled.value) };
      break;
    }
    case 'working-days':
      daysLate = workingDaysLate(sla.dueDate, settledOn, calendar);
      break;
    default: {
      const _exhaustive: never = counting;
      return _exhaustive;
    }
  }
  if (!daysLate.ok) return daysLate;
  const explanation = recompute({
    ruleSetId: sla.ruleSetId,
    components: [
      { code: 'LATE_PAYMENT_COMPENSATION', inputs: { benefitAmount, daysLate: daysLate.value } },
    ],
  });
  if (!explanation.ok) return explanation;
  return {
    ok: true,
    value: {
      dueDate: sla.dueDate,
      settledOn,
      daysLate: daysLate.value,
      explanation: explanation.value,
    },
  };
}

/**
 * Late-payment compensation for a payout settled after its SLA due date (rules reference §2,
 * 1% of the benefit per day late), or null when it was on time or the rule gives nothing.
 *
 * The rules library's `latePaymentCompensation` derives the due date from the complete-claim
 * date. Claims' due date can be later — the clock stood still while documents were awaited —
 * and then the decision's due date wins: the claimant's own delay earns no compensation.
 */
export function assessLatePayment(input: LatePaymentInput): Result<LatePaymentAssessment | null> {
  const { sla, settledOn } = input;
  if (settledOn <= sla.dueDate) return { ok: true, value: null };
  const assessed = latePaymentCompensation({
    program: sla.program,
    benefitAmount: input.benefitAmount,
    completeClaimDate: sla.documentsCompletedOn,
    paidDate: settledOn,
    calendar: input.calendar,
  });
  const result: Result<LatePaymentAssessment> =
    assessed.ok && assessed.value.dueDate === sla.dueDate
      ? {
          ok: true,
          value: {
            dueDate: assessed.value.dueDate,
            settledOn,
            daysLate: assessed.value.daysLate,
            explanation: assessed.value.explanation,
          },
        }
      : fromRecordedDueDate(input);
  if (!result.ok) return result;
  return { ok: true, value: result.value.explanation.total > 0 ? result.value : null };
}
