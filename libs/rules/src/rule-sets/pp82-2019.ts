import { isoDate } from '../calendar/iso-date';
import { bp } from '../money/percentage';
import { rp } from '../money/rupiah';
import { sourced } from '../shared/sourced';
import { PP44_2015 } from './pp44-2015';
import type { RuleSet } from './rule-set';

const PP82 = 'PP 82/2019';
const PP82_BENEFITS = 'PP 82/2019 amending PP 44/2015 Lampiran III (JKK benefits)';
const PP82_JKM = 'PP 82/2019 amending PP 44/2015 (JKM benefits)';

/** PP 82/2019: the benefit increases, for incidents from 2019-12-02. */
export const PP82_2019: RuleSet = {
  ...PP44_2015,
  id: 'PP82-2019',
  title: 'PP 44/2015 as amended by PP 82/2019',
  regulations: ['PP 44/2015', 'PP 82/2019', 'Permenaker 5/2021 (from 2021-04-01)'],
  effectiveFrom: sourced(isoDate('2019-12-02'), 'H', `${PP82} (in force 2 December 2019)`),
  jkk: {
    ...PP44_2015.jkk,
    medicalCare: sourced(
      'as-medically-needed',
      'H',
      `${PP82_BENEFITS}: care as medically needed, no ceiling`,
    ),
    homeCareMaxAmount: sourced(rp(20_000_000), 'M', `${PP82_BENEFITS}: home care`),
    homeCareMaxYears: sourced(1, 'M', `${PP82_BENEFITS}: home care`),
    transportCaps: sourced(
      { land: rp(5_000_000), river: rp(5_000_000), sea: rp(2_000_000), air: rp(10_000_000) },
      'H',
      `${PP82_BENEFITS}: transport, each mode its own cap`,
    ),
    stmbTiers: sourced(
      [
        { firstMonth: 1, lastMonth: 12, share: bp(10_000) },
        { firstMonth: 13, lastMonth: null, share: bp(5_000) },
      ],
      'H',
      `${PP82_BENEFITS}: STMB 100% for 12 months, then 50% until recovery, disability or death`,
    ),
    disabilityWageMultiplier: sourced(80, 'H', `${PP82_BENEFITS}: disability (× 80 × wage)`),
    cttShare: sourced(
      bp(7_000),
      'H',
      `${PP82_BENEFITS}: total permanent disability (70% × 80 × wage)`,
    ),
    cttPeriodic: sourced(rp(12_000_000), 'H', `${PP82_BENEFITS}: periodic benefit paid at once`),
    deathWageMultiplier: sourced(48, 'H', `${PP82_BENEFITS}: death (48 × wage)`),
    deathMinimum: sourced(rp(20_000_000), 'H', `${PP82_BENEFITS}: death, at least Rp20,000,000`),
    deathPeriodic: sourced(rp(12_000_000), 'H', `${PP82_BENEFITS}: periodic benefit paid at once`),
    funeral: sourced(rp(10_000_000), 'H', `${PP82_BENEFITS}: funeral`),
    orthosisSurcharge: sourced(
      bp(4_000),
      'M',
      `${PP82_BENEFITS}: orthoses/prostheses at price + 40%`,
    ),
    assistiveDeviceCaps: sourced(
      { dentures: rp(5_000_000), 'hearing-aid': rp(2_500_000), glasses: rp(1_000_000) },
      'L',
      `${PP82_BENEFITS}: dentures, hearing aids, glasses`,
      'PLACEHOLDER values, unverified: correct from the Lampiran before paying these items',
    ),
    claimExpiryYears: sourced(
      5,
      'H',
      `${PP82}: right to JKK benefits lapses 5 years after the accident or diagnosis`,
    ),
  },
  jkm: {
    lumpSum: sourced(rp(20_000_000), 'H', `${PP82_JKM}: lump sum`),
    periodic: sourced(
      rp(12_000_000),
      'H',
      `${PP82_JKM}: periodic benefit 24 × Rp500,000 paid at once`,
    ),
    funeral: sourced(rp(10_000_000), 'H', `${PP82_JKM}: funeral`),
    bpuEarlyDeath: null,
  },
  scholarship: {
    kind: 'yearly-by-level',
    jkmMinMasaIurMonths: sourced(
      36,
      'H',
      `${PP82}: JKM scholarship after a masa iur of at least 3 years`,
    ),
    levels: sourced(
      {
        'TK-SD': { yearlyAmount: rp(1_500_000), maxYears: 8 },
        SMP: { yearlyAmount: rp(2_000_000), maxYears: 3 },
        SMA: { yearlyAmount: rp(3_000_000), maxYears: 3 },
        PT: { yearlyAmount: rp(12_000_000), maxYears: 5 },
      },
      'H',
      `${PP82}: scholarship by education level`,
    ),
    perChildMax: sourced(
      rp(87_000_000),
      'H',
      `${PP82}: scholarship per child (sum of the level caps)`,
    ),
    maxChildren: sourced(2, 'H', `${PP82}: at most 2 children`),
    ageLimit: sourced(23, 'H', `${PP82}: until the child turns 23`),
    childWorkExceptions: sourced(
      { shortPuJobMaxMonths: null, bpuWorkAllowed: false, apprenticeshipAllowed: false },
      'H',
      `${PP82}: the scholarship ends when the child starts working`,
    ),
  },
  payment: {
    ...PP44_2015.payment,
    jkkWorkingDays: sourced(
      7,
      'H',
      `${PP82}: benefits paid within 7 working days of a complete claim`,
    ),
    lateCompensationPerDay: sourced(
      bp(100),
      'H',
      `${PP82}: 1% of the benefit per day of late payment`,
    ),
  },
};
