import { isoDate } from '../calendar/iso-date';
import { rp } from '../money/rupiah';
import { bug } from '../shared/result';
import { sourced } from '../shared/sourced';
import { PP6_2025 } from './pp6-2025';
import type { RuleSet } from './rule-set';

const PERMENAKER1 = 'Permenaker 1/2025 amending Permenaker 5/2021';

const scholarship =
  PP6_2025.scholarship.kind === 'yearly-by-level'
    ? PP6_2025.scholarship
    : bug('PP6-2025 scholarship');

/**
 * Permenaker 1/2025: the BPU three-month JKM rule and the 2025 exceptions to "not working".
 * The reference gives no date; secondary sources say it was promulgated on 2025-02-24 and a
 * ministerial regulation normally takes effect on promulgation, hence M.
 */
export const PERMENAKER1_2025: RuleSet = {
  ...PP6_2025,
  id: 'PERMENAKER1-2025',
  title: 'PP 6/2025 set with the Permenaker 1/2025 procedures',
  regulations: [...PP6_2025.regulations, 'Permenaker 1/2025'],
  effectiveFrom: sourced(
    isoDate('2025-02-24'),
    'M',
    `${PERMENAKER1} (promulgated 24 February 2025)`,
    'Effective date from secondary sources (promulgation date); not in the domain reference',
  ),
  jkm: {
    ...PP6_2025.jkm,
    bpuEarlyDeath: sourced(
      { months: 3, amount: rp(10_000_000) },
      'M',
      `${PERMENAKER1}: BPU death in the first 3 months of membership`,
      'Counted from the first paid month (product decision 2); pays Rp10,000,000 only',
    ),
  },
  scholarship: {
    ...scholarship,
    childWorkExceptions: sourced(
      { shortPuJobMaxMonths: 6, bpuWorkAllowed: true, apprenticeshipAllowed: true },
      'M',
      `${PERMENAKER1}: a child keeps the scholarship while in a PU job of at most 6 months, BPU work or an apprenticeship`,
    ),
  },
};
