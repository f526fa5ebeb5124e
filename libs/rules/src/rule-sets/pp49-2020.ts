import { isoDate } from '../calendar/iso-date';
import { yearMonth } from '../calendar/year-month';
import { bp } from '../money/percentage';
import { sourced } from '../shared/sourced';
import { PP82_2019 } from './pp82-2019';
import type { RuleSet } from './rule-set';

const PP49 = 'PP 49/2020 (JKK/JKM/JHT/JP contribution adjustments during the COVID-19 disaster)';
/** Article numbers come from secondary sources quoting the PP; the values are H in the reference. */
const ARTICLES_NOTE = 'Article number from secondary sources quoting the PP';

/**
 * PP 49/2020: the COVID-19 relief for PU employers — JKK and JKM at 1% of the normal amount for
 * contribution months August 2020 – January 2021, due the 30th of the following month, late fee
 * 0.5% a month, for employers paid up to July 2020 (rules reference §10). The PP was promulgated
 * after the August 2020 month had begun, so the relief is found by its window of contribution
 * months (`puReliefFor`), not by the set in force on a month's first day; benefits unchanged.
 */
export const PP49_2020: RuleSet = {
  ...PP82_2019,
  id: 'PP49-2020',
  title: 'PP 82/2019 set with the PP 49/2020 PU contribution relief',
  regulations: [...PP82_2019.regulations, 'PP 49/2020'],
  effectiveFrom: sourced(
    isoDate('2020-09-01'),
    'M',
    'PP 49/2020 (promulgated 1 September 2020, in force on promulgation)',
    'Promulgation date from secondary sources; it does not decide which months are relieved: the window does',
  ),
  contributions: {
    ...PP82_2019.contributions,
    pu: {
      ...PP82_2019.contributions.pu,
      relief: {
        firstMonth: sourced(yearMonth('2020-08'), 'H', `${PP49}: contribution months covered`),
        lastMonth: sourced(yearMonth('2021-01'), 'H', `${PP49}: contribution months covered`),
        payableShare: sourced(
          bp(100),
          'H',
          `${PP49} Pasal 8 and 9: JKK and JKM relieved by 99%, so 1% of the normal contribution is paid`,
          ARTICLES_NOTE,
        ),
        dueDate: sourced(
          { dayOfMonth: 30, monthOffset: 1, rollForwardToWorkingDay: true },
          'L',
          `${PP49} Pasal 4 ayat (1): by the 30th of the month after the contribution month`,
          'Due day H. The 30th of February is its last day, and the move to the next working day follows the normal PU rule: both assumed',
        ),
        lateFeePerMonth: sourced(
          bp(50),
          'H',
          `${PP49} Pasal 23 ayat (1): late fee of 0.5% per month of delay`,
          ARTICLES_NOTE,
        ),
        paidThrough: sourced(
          yearMonth('2020-07'),
          'H',
          `${PP49}: only for employers that have paid their contributions up to July 2020`,
        ),
      },
    },
  },
};
