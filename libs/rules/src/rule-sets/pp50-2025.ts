import { isoDate } from '../calendar/iso-date';
import { yearMonth } from '../calendar/year-month';
import { bp } from '../money/percentage';
import { sourced } from '../shared/sourced';
import { PERMENAKER1_2025 } from './permenaker1-2025';
import type { RuleSet } from './rule-set';

const PP50 = 'PP 50/2025';

/**
 * PP 50/2025: a temporary 50% BPU JKK/JKM contribution for January 2026 – March 2027. The set
 * starts on promulgation (2025-12-22) and stays in force after the window: the window is data,
 * so contribution months after March 2027 are simply not discounted.
 */
export const PP50_2025: RuleSet = {
  ...PERMENAKER1_2025,
  id: 'PP50-2025',
  title: 'Permenaker 1/2025 set with the PP 50/2025 BPU contribution discount',
  regulations: [...PERMENAKER1_2025.regulations, 'PP 50/2025'],
  effectiveFrom: sourced(
    isoDate('2025-12-22'),
    'M',
    `${PP50} (promulgated 22 December 2025)`,
    'From secondary sources; no contribution month before January 2026 is discounted either way',
  ),
  contributions: {
    ...PERMENAKER1_2025.contributions,
    bpu: {
      ...PERMENAKER1_2025.contributions.bpu,
      discount: {
        payableShare: sourced(
          bp(5_000),
          'H',
          `${PP50} art. 4: JKK and JKM at 50% of the normal contribution`,
        ),
        firstMonth: sourced(yearMonth('2026-01'), 'M', `${PP50}: discount period`),
        lastMonth: sourced(yearMonth('2027-03'), 'M', `${PP50}: discount period`),
        eligiblePayers: sourced(
          ['self'],
          'M',
          `${PP50} art. 3 and the domain reference`,
          'The PP excludes only APBN/APBD payers; the platform grants the discount to self-paying BPU only until BPJS confirms other sponsors',
        ),
        excludedPayers: sourced(
          ['apbn', 'apbd'],
          'H',
          `${PP50} art. 3: not for contributions paid from APBN or APBD`,
        ),
        eligibleSectors: sourced(['transport'], 'M', `${PP50}: BPU in the transport sector`),
      },
    },
  },
};
