import { isoDate } from '../calendar/iso-date';
import { bp } from '../money/percentage';
import { rp } from '../money/rupiah';
import { sourced } from '../shared/sourced';
import type { RuleSet } from './rule-set';

const PP44 = 'PP 44/2015';

/** See `incomeCeiling` below: a product policy, not a regulation's amount. */
const BPU_INCOME_PLAUSIBILITY_CEILING = 100_000_000;
const PP44_BENEFITS = 'PP 44/2015 Lampiran III (JKK benefits)';
const PP44_JKM = 'PP 44/2015 (JKM benefits)';

/** PP 44/2015 as first issued: incidents from 2015-07-01 to 2019-12-01. */
export const PP44_2015: RuleSet = {
  id: 'PP44-2015',
  title: 'PP 44/2015 on JKK and JKM, as first issued',
  regulations: ['PP 44/2015', 'Permenaker 26/2015'],
  effectiveFrom: sourced(isoDate('2015-07-01'), 'H', `${PP44} (in force 1 July 2015)`),
  contributions: {
    bpu: {
      jkkRate: sourced(
        bp(100),
        'M',
        `${PP44} Lampiran II (BPU JKK on a nominal income)`,
        'H at the Rp1,000,000 floor; above it 1% of the declared income is M',
      ),
      incomeFloor: sourced(rp(1_000_000), 'H', `${PP44} Lampiran II`),
      incomeCeiling: sourced(
        rp(BPU_INCOME_PLAUSIBILITY_CEILING),
        'L',
        `Product policy "BPU declared-income plausibility ceiling" (${PP44} Lampiran II sets a floor for BPU declared income, no ceiling)`,
        'Platform default, not law: Rp100,000,000 a month (100 × the floor, Rp1.2 billion a year) is no informal ' +
          "worker's income but an input error (extra zeros, a NIK pasted into the income). It also keeps every " +
          'benefit formula (at most 80 × the wage) far inside safe integers. Raise it here, in a new set, if a real case needs it',
      ),
      jkkBasis: sourced(
        'exact-declared-income',
        'M',
        `${PP44} Lampiran II`,
        'Platform default: 1% of the exact declared income until the Lampiran II brackets are verified',
      ),
      incomeBrackets: sourced(
        [],
        'L',
        `${PP44} Lampiran II`,
        'Bracket edges not verified, so none are shipped; fill in and switch jkkBasis to lampiran-ii-bracket once checked',
      ),
      jkmFlat: sourced(rp(6_800), 'H', `${PP44} (BPU JKM Rp6,800 per month)`),
      dueDate: sourced(
        { dayOfMonth: 15, monthOffset: 0, rollForwardToWorkingDay: true },
        'M',
        'Perdir BPJS Ketenagakerjaan 22/PERDIR.02/072022 (BPU business process)',
        'The 15th of the contribution month itself; the next working day when that is not one',
      ),
      discount: null,
    },
    pu: {
      jkkRateByRiskClass: sourced(
        { 1: bp(24), 2: bp(54), 3: bp(89), 4: bp(127), 5: bp(174) },
        'H',
        `${PP44} Lampiran I (PU JKK by risk class)`,
      ),
      jkmRate: sourced(bp(30), 'H', `${PP44} (PU JKM 0.30% of wage)`),
      dueDate: sourced(
        { dayOfMonth: 15, monthOffset: 1, rollForwardToWorkingDay: true },
        'L',
        `${PP44} (employer pays by the 15th of the following month)`,
        'Due day H; rolling to the next working day is not in the reference and is assumed to match the BPU rule',
      ),
      lateFeePerMonth: sourced(
        bp(200),
        'H',
        `${PP44}: late-payment fee of 2% per month of delay on the amount owed (rules reference §10)`,
      ),
      lateFeePartMonths: sourced(
        'started-month-counts-whole',
        'M',
        'Product policy "late-fee part months" (rules reference §10 open question; the regulation says "per month of delay")',
        'Platform default: a started month of delay counts as a whole month. Months run from the due date ' +
          '(after any move to a working day) to the same day of a later month, clamped to that month’s last day',
      ),
      jkpAllocation: null,
      relief: null,
    },
  },
  jkk: {
    medicalCare: sourced(
      'as-medically-needed',
      'H',
      `${PP44_BENEFITS}: care as medically needed, no ceiling`,
    ),
    homeCareMaxAmount: sourced(rp(20_000_000), 'M', `${PP44_BENEFITS}: home care`),
    homeCareMaxYears: sourced(1, 'M', `${PP44_BENEFITS}: home care`),
    transportCaps: sourced(
      { land: rp(1_000_000), river: rp(1_000_000), sea: rp(1_500_000), air: rp(2_500_000) },
      'L',
      `${PP44_BENEFITS}: transport`,
      'Single unverified source; river transport assumed to share the land cap as it does under PP 82/2019',
    ),
    stmbTiers: sourced(
      [
        { firstMonth: 1, lastMonth: 6, share: bp(10_000) },
        { firstMonth: 7, lastMonth: 12, share: bp(7_500) },
        { firstMonth: 13, lastMonth: null, share: bp(5_000) },
      ],
      'M',
      `${PP44_BENEFITS}: STMB`,
    ),
    stmbDaysPerMonth: sourced(
      30,
      'L',
      'Platform assumption',
      'A part month of STMB is paid as days ÷ 30 of that month; the reference is silent on part months',
    ),
    disabilityWageMultiplier: sourced(80, 'H', `${PP44_BENEFITS}: disability (× 80 × wage)`),
    cttShare: sourced(
      bp(7_000),
      'H',
      `${PP44_BENEFITS}: total permanent disability (70% × 80 × wage)`,
    ),
    cttPeriodic: sourced(
      rp(4_800_000),
      'M',
      `${PP44_BENEFITS}: periodic benefit 24 × Rp200,000`,
      'The reference gives Rp4,800,000 for death; CTT assumed to carry the same periodic benefit',
    ),
    deathWageMultiplier: sourced(48, 'H', `${PP44_BENEFITS}: death (48 × wage)`),
    deathMinimum: sourced(
      rp(16_200_000),
      'H',
      `${PP44_BENEFITS}: death, at least the JKM lump sum`,
    ),
    deathPeriodic: sourced(
      rp(4_800_000),
      'H',
      `${PP44_BENEFITS}: periodic benefit 24 × Rp200,000 paid at once`,
    ),
    funeral: sourced(rp(3_000_000), 'H', `${PP44_BENEFITS}: funeral`),
    orthosisSurcharge: sourced(
      bp(4_000),
      'M',
      `${PP44_BENEFITS}: orthoses/prostheses at price + 40%`,
    ),
    assistiveDeviceCaps: sourced(
      { dentures: rp(3_000_000), 'hearing-aid': rp(2_500_000), glasses: rp(1_000_000) },
      'L',
      `${PP44_BENEFITS}: dentures, hearing aids, glasses`,
      'PLACEHOLDER values, unverified: correct from the Lampiran before paying these items',
    ),
    claimExpiryYears: sourced(
      2,
      'H',
      `${PP44} (right to JKK benefits lapses 2 years after the accident)`,
    ),
  },
  jkm: {
    lumpSum: sourced(rp(16_200_000), 'H', `${PP44_JKM}: lump sum`),
    periodic: sourced(
      rp(4_800_000),
      'H',
      `${PP44_JKM}: periodic benefit 24 × Rp200,000 paid at once`,
    ),
    funeral: sourced(rp(3_000_000), 'H', `${PP44_JKM}: funeral`),
    bpuEarlyDeath: null,
  },
  scholarship: {
    kind: 'flat-once',
    amount: sourced(rp(12_000_000), 'H', `${PP44}: one flat education scholarship`),
    jkmMinMasaIurMonths: sourced(
      60,
      'H',
      `${PP44}: JKM scholarship after a masa iur of at least 5 years`,
    ),
  },
  payment: {
    jkkWorkingDays: sourced(
      7,
      'M',
      `${PP44}: benefits paid within 7 working days of a complete claim`,
    ),
    jkmWorkingDays: sourced(
      3,
      'M',
      'BPJS Ketenagakerjaan service level for JKM',
      'About 3 working days; a service level',
    ),
    lateCompensationPerDay: sourced(
      bp(100),
      'M',
      `${PP44}: 1% of the benefit per day of late payment`,
    ),
    lateDayCounting: sourced(
      'calendar-days',
      'M',
      'Platform reading of "per day late"',
      'The deadline is in working days; the compensation counts every calendar day after it',
    ),
  },
  heirs: sourced(
    [
      { tier: 1, name: 'widow/widower and children', relationships: ['spouse', 'child'] },
      {
        tier: 2,
        name: 'parents, grandparents, grandchildren',
        relationships: ['parent', 'grandparent', 'grandchild'],
      },
      { tier: 3, name: 'siblings', relationships: ['sibling'] },
      { tier: 4, name: 'parents-in-law', relationships: ['parent-in-law'] },
      { tier: 5, name: 'person named in a notarial will', relationships: ['will-beneficiary'] },
    ],
    'H',
    'Order of ahli waris in the JKK/JKM implementing rules (PP 44/2015; Permenaker 26/2015)',
  ),
};
