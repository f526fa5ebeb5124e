import { isoDate } from '../calendar/iso-date';
import { sourced } from '../shared/sourced';
import { PP82_2019 } from './pp82-2019';
import type { RuleSet } from './rule-set';

/**
 * PP 6/2025 (from 2025-02-07): JKP keeps being funded by moving 0.14% of the PU JKK rate to
 * JKP for JKP participants (JKK's fund keeps 0.10 / 0.40 / 0.75 / 1.13 / 1.60%), and JKM is
 * 0.30% again. That is an allocation of what the employer pays, not a new bill: the employer
 * still pays JKK 0.24 / 0.54 / 0.89 / 1.27 / 1.74% and JKM 0.30% (rules reference §10, which
 * corrects an earlier text that read the fund's shares as the employer's rates). Benefits
 * unchanged. The allocation itself is modelled with the PU segment (issue 18).
 */
export const PP6_2025: RuleSet = {
  ...PP82_2019,
  id: 'PP6-2025',
  title: 'PP 82/2019 set under PP 6/2025 (JKP allocation; PU bill unchanged)',
  regulations: [...PP82_2019.regulations, 'PP 6/2025'],
  effectiveFrom: sourced(isoDate('2025-02-07'), 'H', 'PP 6/2025 (in force 7 February 2025)'),
};
