import { isoDate } from '../calendar/iso-date';
import { bp } from '../money/percentage';
import { rp } from '../money/rupiah';
import { sourced } from '../shared/sourced';
import { PP82_2019 } from './pp82-2019';
import type { JkpAllocation, RuleSet } from './rule-set';

const PP37 = 'PP 37/2021 (JKP)';

/** The conditions and the cap are the same from PP 37/2021 on; PP 6/2025 changes the JKM share only. */
export const JKP_ALLOCATION_CONDITIONS: Pick<
  JkpAllocation,
  'wageCap' | 'notForEmployersInArrears'
> = {
  wageCap: sourced(
    rp(5_000_000),
    'M',
    `Product policy "JKP recomposition on the JKP wage cap" (${PP37}: JKP contributions are computed on a wage of at most Rp5,000,000)`,
    'Rules reference §10 open question: whether the JKK/JKM shares moved to JKP are taken on the JKP wage cap. ' +
      'Platform default: yes, on min(wage, Rp5,000,000); null here would take them on the whole wage',
  ),
  notForEmployersInArrears: sourced(
    true,
    'M',
    `Product policy "no JKP allocation while the employer is in arrears" (${PP37}; rules reference §10)`,
    'The reference marks the arrears condition M; whether the employer is in arrears is the caller’s fact',
  ),
};

/**
 * PP 37/2021 (in force 2021-02-02): JKP is funded in part by moving 0.14% of the wage from the
 * PU JKK contribution and 0.10% from the JKM contribution, for JKP participants. The employer's
 * bill is unchanged: the allocation splits it. Contribution months follow the set in force on
 * their first day, so the allocation starts with contribution month 2021-03. The PP 49/2020
 * relief is not carried: its window (2020-08 … 2021-01) had closed, and it is found by window.
 * Benefits unchanged.
 */
export const PP37_2021: RuleSet = {
  ...PP82_2019,
  id: 'PP37-2021',
  title: 'PP 82/2019 set with the PP 37/2021 JKP allocation of the PU bill',
  regulations: [...PP82_2019.regulations, 'PP 37/2021'],
  effectiveFrom: sourced(isoDate('2021-02-02'), 'H', 'PP 37/2021 (in force 2 February 2021)'),
  contributions: {
    ...PP82_2019.contributions,
    pu: {
      ...PP82_2019.contributions.pu,
      jkpAllocation: {
        fromJkk: sourced(
          bp(14),
          'H',
          `${PP37}; PP 44/2015 Pasal 16A as inserted by PP 49/2023: 0.14% of the wage from the JKK contribution to JKP`,
          'JKK keeps 0.10 / 0.40 / 0.75 / 1.13 / 1.60% by risk class. From contribution month 2021-03 ' +
            '(a month is billed under the set in force on its first day)',
        ),
        fromJkm: sourced(
          bp(10),
          'M',
          `${PP37}: 0.10% of the wage from the JKM contribution to JKP (JKM keeps 0.20%)`,
          'Rate H, dates M (rules reference §10): from contribution month 2021-03 until 2025-02; ' +
            'PP 6/2025 returns the whole 0.30% to JKM from contribution month 2025-03',
        ),
        ...JKP_ALLOCATION_CONDITIONS,
      },
    },
  },
};
