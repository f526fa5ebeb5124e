import { parseRupiah, type Rupiah } from '../money/rupiah';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';

function positiveCount(value: unknown, field: string): Result<number> {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
    ? ok(value)
    : err(ruleError('INVALID_COUNT', `${field} must be a whole number, 1 or more`, field));
}

function positiveTariff(value: unknown): Result<Rupiah> {
  const tariff = parseRupiah(value, 'tariffPerWorkerPerMonth');
  if (!tariff.ok) return tariff;
  return tariff.value > 0
    ? tariff
    : err(
        ruleError(
          'INVALID_AMOUNT',
          'tariffPerWorkerPerMonth must be more than Rp0',
          'tariffPerWorkerPerMonth',
        ),
      );
}

function fromBig(value: bigint, field: string): Result<Rupiah> {
  return value > BigInt(Number.MAX_SAFE_INTEGER)
    ? err(ruleError('AMOUNT_TOO_LARGE', `${field} is beyond the safe integer range`, field))
    : parseRupiah(Number(value), field);
}

export interface SponsorBudgetCostInput {
  /** The monthly BPU tariff per worker (JKK + JKM), e.g. Rp16,800 at the income floor. */
  readonly tariffPerWorkerPerMonth: number;
  readonly months: number;
  readonly workers: number;
}

/** What a sponsor (APBD, APBN, other wadah) pays: tariff × months × workers. */
export function sponsorBudgetCost(input: SponsorBudgetCostInput): Result<Rupiah> {
  const tariff = positiveTariff(input.tariffPerWorkerPerMonth);
  if (!tariff.ok) return tariff;
  const months = positiveCount(input.months, 'months');
  if (!months.ok) return months;
  const workers =
    typeof input.workers === 'number' && Number.isSafeInteger(input.workers) && input.workers >= 0
      ? ok(input.workers)
      : err(ruleError('INVALID_COUNT', 'workers must be a whole number, 0 or more', 'workers'));
  if (!workers.ok) return workers;
  return fromBig(BigInt(tariff.value) * BigInt(months.value) * BigInt(workers.value), 'cost');
}

export interface SponsorQuotaInput {
  readonly budget: number;
  readonly tariffPerWorkerPerMonth: number;
  readonly months: number;
}

export interface SponsorQuota {
  /** floor(budget ÷ (tariff × months)): only whole workers covered for the whole period. */
  readonly workers: number;
  readonly cost: Rupiah;
  readonly unspent: Rupiah;
}

/** How many workers a budget covers for the whole period. */
export function sponsorQuota(input: SponsorQuotaInput): Result<SponsorQuota> {
  const budget = parseRupiah(input.budget, 'budget');
  if (!budget.ok) return budget;
  const tariff = positiveTariff(input.tariffPerWorkerPerMonth);
  if (!tariff.ok) return tariff;
  const months = positiveCount(input.months, 'months');
  if (!months.ok) return months;
  const perWorker = BigInt(tariff.value) * BigInt(months.value);
  const workers = BigInt(budget.value) / perWorker;
  const cost = fromBig(workers * perWorker, 'cost');
  if (!cost.ok) return cost;
  const unspent = parseRupiah(budget.value - cost.value, 'unspent');
  if (!unspent.ok) return unspent;
  return ok({ workers: Number(workers), cost: cost.value, unspent: unspent.value });
}
