import { addDays, addYears, parseIsoDate, type IsoDate } from '../calendar/iso-date';
import { computeComponent, defineComponent } from '../explanation/component-rule';
import { arrayInput, dateInput, recordInput, rupiahInput } from '../explanation/decoders';
import { explanationOf, type Explanation } from '../explanation/explanation';
import { formatRupiah, minRupiah, parseRupiah, sumRupiah, type Rupiah } from '../money/rupiah';
import { incidentContext } from '../rule-sets/incident-rule-set';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { provenanceOf } from '../shared/sourced';

/**
 * Home care: costs incurred within the first year of home care (start date inclusive, the same
 * date a year later exclusive), capped at the rule set's maximum. Later costs are not covered.
 */
export const jkkHomeCareRule = defineComponent(
  'JKK_HOME_CARE',
  recordInput({
    careStartDate: dateInput,
    costs: arrayInput(recordInput({ date: dateInput, amount: rupiahInput })),
  }),
  (ruleSet, input) => {
    const { homeCareMaxAmount: cap, homeCareMaxYears: years } = ruleSet.jkk;
    const periodEnd = addYears(input.careStartDate, years.value);
    const early = input.costs.find((cost) => cost.date < input.careStartDate);
    if (early !== undefined) {
      return err(
        ruleError(
          'DATES_OUT_OF_ORDER',
          `a home-care cost on ${early.date} is before care started`,
          'costs',
        ),
      );
    }
    const within = sumRupiah(
      input.costs.filter((cost) => cost.date < periodEnd).map((cost) => cost.amount),
      'home care costs',
    );
    if (!within.ok) return within;
    const excluded = input.costs.filter((cost) => cost.date >= periodEnd).length;
    return ok({
      amount: minRupiah(within.value, cap.value),
      formula:
        `min(${formatRupiah(within.value)} of costs from ${input.careStartDate} to ${addDays(periodEnd, -1)}, ` +
        `cap ${formatRupiah(cap.value)})` +
        (excluded > 0
          ? `; ${excluded} cost(s) after ${years.value} year(s) of home care not covered`
          : ''),
      provenance: provenanceOf(cap, years),
    });
  },
);

export interface JkkHomeCareInput {
  readonly incidentDate: string;
  readonly careStartDate: string;
  readonly costs: readonly { readonly date: string; readonly amount: number }[];
}

export function jkkHomeCare(input: JkkHomeCareInput): Result<Explanation> {
  const context = incidentContext(input.incidentDate);
  if (!context.ok) return context;
  const start = parseIsoDate(input.careStartDate, 'careStartDate');
  if (!start.ok) return start;
  if (start.value < context.value.incidentDate) {
    return err(
      ruleError(
        'DATES_OUT_OF_ORDER',
        'careStartDate must not be before incidentDate',
        'careStartDate',
      ),
    );
  }
  const costs: { date: IsoDate; amount: Rupiah }[] = [];
  for (const [index, cost] of input.costs.entries()) {
    const date = parseIsoDate(cost.date, `costs[${index}].date`);
    if (!date.ok) return date;
    const amount = parseRupiah(cost.amount, `costs[${index}].amount`);
    if (!amount.ok) return amount;
    costs.push({ date: date.value, amount: amount.value });
  }
  const component = computeComponent(jkkHomeCareRule, context.value.ruleSet, {
    careStartDate: start.value,
    costs,
  });
  return component.ok ? explanationOf(context.value.ruleSet.id, [component.value]) : component;
}
