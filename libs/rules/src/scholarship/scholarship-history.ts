import { parseRupiah, sumRupiah, type Rupiah } from '../money/rupiah';
import {
  parseScholarshipLevel,
  SCHOLARSHIP_LEVELS,
  type ScholarshipLevel,
} from '../rule-sets/vocabulary';
import { ok, type Result } from '../shared/result';
import { parseScholarshipYear, type ScholarshipYear } from './scholarship-year';

/** A scholarship instalment already paid to this child under this entitlement. */
export interface ScholarshipPayment {
  readonly scholarshipYear: string;
  readonly level: ScholarshipLevel;
  readonly amount: number;
}

export interface ScholarshipHistory {
  readonly paidYears: ReadonlySet<ScholarshipYear>;
  /** Product decision 5: a level's year count counts only years paid under this entitlement. */
  readonly yearsPaidByLevel: Readonly<Record<ScholarshipLevel, number>>;
  readonly totalPaid: Rupiah;
}

export function scholarshipHistory(
  payments: readonly ScholarshipPayment[],
): Result<ScholarshipHistory> {
  const paidYears = new Set<ScholarshipYear>();
  const yearsPaidByLevel = Object.fromEntries(
    SCHOLARSHIP_LEVELS.map((level) => [level, 0]),
  ) as Record<ScholarshipLevel, number>;
  const amounts: Rupiah[] = [];
  for (const [index, payment] of payments.entries()) {
    const year = parseScholarshipYear(
      payment.scholarshipYear,
      `previousPayments[${index}].scholarshipYear`,
    );
    if (!year.ok) return year;
    const level = parseScholarshipLevel(payment.level, `previousPayments[${index}].level`);
    if (!level.ok) return level;
    const amount = parseRupiah(payment.amount, `previousPayments[${index}].amount`);
    if (!amount.ok) return amount;
    paidYears.add(year.value);
    yearsPaidByLevel[level.value] += 1;
    amounts.push(amount.value);
  }
  const totalPaid = sumRupiah(amounts, 'previousPayments total');
  return totalPaid.ok ? ok({ paidYears, yearsPaidByLevel, totalPaid: totalPaid.value }) : totalPaid;
}
