import type { IsoMonth } from '@santunan/contracts';
import type { IncomePeriodFact } from '../facts/claim-facts';

/** For BPU the benefit "wage" is the declared income in force in the incident month. */
export function declaredIncomeIn(
  history: readonly IncomePeriodFact[],
  month: IsoMonth,
): IncomePeriodFact | null {
  return history.reduce<IncomePeriodFact | null>(
    (found, period) =>
      period.effectiveFrom <= month &&
      (found === null || period.effectiveFrom >= found.effectiveFrom)
        ? period
        : found,
    null,
  );
}
