import { isoDate } from '../calendar/iso-date';
import { bp } from '../money/percentage';
import { sourced } from '../shared/sourced';
import { PP82_2019 } from './pp82-2019';
import type { RuleSet } from './rule-set';

/** PP 6/2025: JKP funding moves part of the PU JKK rate; benefits unchanged. From 2025-02-07. */
export const PP6_2025: RuleSet = {
  ...PP82_2019,
  id: 'PP6-2025',
  title: 'PP 82/2019 set with the PP 6/2025 PU JKK rate recomposition',
  regulations: [...PP82_2019.regulations, 'PP 6/2025'],
  effectiveFrom: sourced(isoDate('2025-02-07'), 'H', 'PP 6/2025 (in force 7 February 2025)'),
  contributions: {
    ...PP82_2019.contributions,
    pu: {
      ...PP82_2019.contributions.pu,
      jkkRateByRiskClass: sourced(
        { 1: bp(10), 2: bp(40), 3: bp(75), 4: bp(113), 5: bp(160) },
        'H',
        'PP 6/2025 (PU JKK rates after the JKP recomposition)',
      ),
    },
  },
};
