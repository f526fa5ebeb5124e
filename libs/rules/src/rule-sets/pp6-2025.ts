import { isoDate } from '../calendar/iso-date';
import { bp } from '../money/percentage';
import { bug } from '../shared/result';
import { sourced } from '../shared/sourced';
import { PP37_2021 } from './pp37-2021';
import type { RuleSet } from './rule-set';

const allocation = PP37_2021.contributions.pu.jkpAllocation ?? bug('PP37-2021 JKP allocation');

/**
 * PP 6/2025 (from 2025-02-07): JKP keeps being funded by moving 0.14% of the PU JKK rate to
 * JKP for JKP participants (JKK's fund keeps 0.10 / 0.40 / 0.75 / 1.13 / 1.60%), and JKM keeps
 * its whole 0.30% again. That is an allocation of what the employer pays, not a new bill: the
 * employer still pays JKK 0.24 / 0.54 / 0.89 / 1.27 / 1.74% and JKM 0.30% (rules reference §10,
 * which corrects an earlier text that read the fund's shares as the employer's rates). The JKM
 * share returns with contribution month 2025-03 (billed under the set in force on its first day).
 * Benefits unchanged.
 */
export const PP6_2025: RuleSet = {
  ...PP37_2021,
  id: 'PP6-2025',
  title: 'PP 82/2019 set under PP 6/2025 (JKP allocation from JKK only; PU bill unchanged)',
  regulations: [...PP37_2021.regulations, 'PP 6/2025'],
  effectiveFrom: sourced(isoDate('2025-02-07'), 'H', 'PP 6/2025 (in force 7 February 2025)'),
  contributions: {
    ...PP37_2021.contributions,
    pu: {
      ...PP37_2021.contributions.pu,
      jkpAllocation: {
        ...allocation,
        fromJkk: sourced(
          bp(14),
          'H',
          'PP 6/2025; PP 44/2015 Pasal 16A: 0.14% of the wage from the JKK contribution to JKP, kept',
          'JKK keeps 0.10 / 0.40 / 0.75 / 1.13 / 1.60% by risk class',
        ),
        fromJkm: sourced(
          bp(0),
          'M',
          'PP 6/2025: JKM keeps the whole 0.30%; nothing moves from JKM to JKP',
          'Rate H, date M (rules reference §10): from contribution month 2025-03 (the set in force on 2025-03-01)',
        ),
      },
    },
  },
};
