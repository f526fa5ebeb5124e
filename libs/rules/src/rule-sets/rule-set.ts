import type { IsoDate } from '../calendar/iso-date';
import type { YearMonth } from '../calendar/year-month';
import type { BasisPoints } from '../money/percentage';
import type { Rupiah } from '../money/rupiah';
import type { Sourced } from '../shared/sourced';
import type { HeirTier } from '../heirs/heir-tiers';
import type {
  BpuSector,
  PayerType,
  RiskClass,
  ScholarshipLevel,
  TransportMode,
  AssistiveDevice,
} from './vocabulary';

/** Ids are stored in decision events: never rename one; correct values in place or add a set. */
export const RULE_SET_IDS = [
  'PP44-2015',
  'PP82-2019',
  'PP49-2020',
  'PP37-2021',
  'PP6-2025',
  'PERMENAKER1-2025',
  'PP50-2025',
] as const;
export type RuleSetId = (typeof RULE_SET_IDS)[number];

/**
 * The whole of the JKK/JKM law as in force from `effectiveFrom` until the next set begins.
 * Each set is a full snapshot (a later set copies the earlier one and overrides what its
 * regulation changed), so one id fully determines every amount a decision used.
 */
export interface RuleSet {
  readonly id: RuleSetId;
  readonly title: string;
  /** The regulations whose combined effect this snapshot is. */
  readonly regulations: readonly string[];
  readonly effectiveFrom: Sourced<IsoDate>;
  readonly contributions: ContributionRules;
  readonly jkk: JkkRules;
  readonly jkm: JkmRules;
  readonly scholarship: ScholarshipScheme;
  readonly payment: PaymentRules;
  readonly heirs: Sourced<readonly HeirTier[]>;
}

export interface DueDateRule {
  /** Clamped to the month's last day (the 30th of February is its last day). */
  readonly dayOfMonth: number;
  /** 0 = the contribution month itself, 1 = the following month. */
  readonly monthOffset: 0 | 1;
  readonly rollForwardToWorkingDay: boolean;
}

/** One row of the Lampiran II table: a declared income in [from, to] is assessed on `nominalIncome`. */
export interface IncomeBracket {
  readonly fromIncome: Rupiah;
  readonly toIncome: Rupiah | null;
  readonly nominalIncome: Rupiah;
}

/** How the BPU JKK base is found: the exact declared income, or the Lampiran II bracket it falls in. */
export type BpuJkkBasis = 'exact-declared-income' | 'lampiran-ii-bracket';

export interface BpuDiscount {
  /** The share of the normal contribution that is paid (PP 50/2025: 50%). */
  readonly payableShare: Sourced<BasisPoints>;
  /** Contribution months covered, inclusive. */
  readonly firstMonth: Sourced<YearMonth>;
  readonly lastMonth: Sourced<YearMonth>;
  readonly eligiblePayers: Sourced<readonly PayerType[]>;
  /** Never discounted, whatever `eligiblePayers` says. */
  readonly excludedPayers: Sourced<readonly PayerType[]>;
  readonly eligibleSectors: Sourced<readonly BpuSector[]>;
}

/**
 * How a started month of delay counts for the PU late fee: as a whole month, or not until it
 * has passed. The regulation says "per month of delay" only (rules reference §10 open question).
 */
export type LateFeePartMonths = 'started-month-counts-whole' | 'completed-months-only';

/**
 * The part of the employer's PU bill that goes to JKP (job-loss insurance) for a JKP
 * participant. It splits the bill; it never changes it.
 */
export interface JkpAllocation {
  /** Share of the (capped) wage moved from the JKK contribution to JKP. */
  readonly fromJkk: Sourced<BasisPoints>;
  /** Share of the (capped) wage moved from the JKM contribution to JKP. */
  readonly fromJkm: Sourced<BasisPoints>;
  /** The JKP shares are taken on the wage up to this amount; null = on the whole wage. */
  readonly wageCap: Sourced<Rupiah | null>;
  /** No allocation while the employer is in arrears. */
  readonly notForEmployersInArrears: Sourced<boolean>;
}

/**
 * A temporary PU relief for a window of contribution months (PP 49/2020). Found by its window
 * (`puReliefFor`), not by the set in force on the month's first day: a relief may be promulgated
 * after the first month it covers began.
 */
export interface PuRelief {
  /** Contribution months covered, inclusive. */
  readonly firstMonth: Sourced<YearMonth>;
  readonly lastMonth: Sourced<YearMonth>;
  /** The share of the normal JKK and JKM contribution that is paid (PP 49/2020: 1%). */
  readonly payableShare: Sourced<BasisPoints>;
  readonly dueDate: Sourced<DueDateRule>;
  readonly lateFeePerMonth: Sourced<BasisPoints>;
  /** Only for an employer that had paid every contribution up to and including this month. */
  readonly paidThrough: Sourced<YearMonth>;
}

export interface ContributionRules {
  readonly bpu: {
    readonly jkkRate: Sourced<BasisPoints>;
    readonly incomeFloor: Sourced<Rupiah>;
    /**
     * The highest monthly income a BPU may declare. The regulation sets none: this is the
     * platform's plausibility ceiling (a named product policy, see its basis and note).
     */
    readonly incomeCeiling: Sourced<Rupiah>;
    readonly jkkBasis: Sourced<BpuJkkBasis>;
    readonly incomeBrackets: Sourced<readonly IncomeBracket[]>;
    readonly jkmFlat: Sourced<Rupiah>;
    readonly dueDate: Sourced<DueDateRule>;
    readonly discount: BpuDiscount | null;
  };
  readonly pu: {
    readonly jkkRateByRiskClass: Sourced<Readonly<Record<RiskClass, BasisPoints>>>;
    readonly jkmRate: Sourced<BasisPoints>;
    readonly dueDate: Sourced<DueDateRule>;
    /** Late fee per month of delay, on the amount owed. */
    readonly lateFeePerMonth: Sourced<BasisPoints>;
    readonly lateFeePartMonths: Sourced<LateFeePartMonths>;
    /** null = no JKP allocation under this set (before PP 37/2021). */
    readonly jkpAllocation: JkpAllocation | null;
    readonly relief: PuRelief | null;
  };
}

/** A run of STMB months paid at one share of the wage; `lastMonth` null = open-ended. */
export interface StmbTier {
  readonly firstMonth: number;
  readonly lastMonth: number | null;
  readonly share: BasisPoints;
}

export interface JkkRules {
  readonly medicalCare: Sourced<'as-medically-needed'>;
  readonly homeCareMaxAmount: Sourced<Rupiah>;
  readonly homeCareMaxYears: Sourced<number>;
  readonly transportCaps: Sourced<Readonly<Record<TransportMode, Rupiah>>>;
  readonly stmbTiers: Sourced<readonly StmbTier[]>;
  /** Days in a month when STMB is paid for part of a month. */
  readonly stmbDaysPerMonth: Sourced<number>;
  /** The "× 80 × wage" of the disability formulas. */
  readonly disabilityWageMultiplier: Sourced<number>;
  readonly cttShare: Sourced<BasisPoints>;
  readonly cttPeriodic: Sourced<Rupiah>;
  readonly deathWageMultiplier: Sourced<number>;
  readonly deathMinimum: Sourced<Rupiah>;
  readonly deathPeriodic: Sourced<Rupiah>;
  readonly funeral: Sourced<Rupiah>;
  /** Orthoses/prostheses: the rehabilitation-centre price plus this share. */
  readonly orthosisSurcharge: Sourced<BasisPoints>;
  readonly assistiveDeviceCaps: Sourced<Readonly<Record<AssistiveDevice, Rupiah>>>;
  readonly claimExpiryYears: Sourced<number>;
}

export interface JkmRules {
  readonly lumpSum: Sourced<Rupiah>;
  readonly periodic: Sourced<Rupiah>;
  readonly funeral: Sourced<Rupiah>;
  /** BPU death within the first `months` months of membership pays `amount` only. */
  readonly bpuEarlyDeath: Sourced<{ readonly months: number; readonly amount: Rupiah }> | null;
}

export interface ChildWorkExceptions {
  /** A wage job (PU) of at most this many months does not end the scholarship; null = none allowed. */
  readonly shortPuJobMaxMonths: number | null;
  readonly bpuWorkAllowed: boolean;
  readonly apprenticeshipAllowed: boolean;
}

export interface ScholarshipLevelRule {
  readonly yearlyAmount: Rupiah;
  readonly maxYears: number;
}

/** PP 44/2015 as first issued: one flat amount with the death or CTT benefit. */
export interface FlatScholarshipScheme {
  readonly kind: 'flat-once';
  readonly amount: Sourced<Rupiah>;
  readonly jkmMinMasaIurMonths: Sourced<number>;
}

/** PP 82/2019 onwards: yearly instalments per child by education level. */
export interface YearlyScholarshipScheme {
  readonly kind: 'yearly-by-level';
  readonly jkmMinMasaIurMonths: Sourced<number>;
  readonly levels: Sourced<Readonly<Record<ScholarshipLevel, ScholarshipLevelRule>>>;
  readonly perChildMax: Sourced<Rupiah>;
  readonly maxChildren: Sourced<number>;
  /** The child must be younger than this on the application date. */
  readonly ageLimit: Sourced<number>;
  readonly childWorkExceptions: Sourced<ChildWorkExceptions>;
}

export type ScholarshipScheme = FlatScholarshipScheme | YearlyScholarshipScheme;

export type LateDayCounting = 'calendar-days' | 'working-days';

export interface PaymentRules {
  readonly jkkWorkingDays: Sourced<number>;
  readonly jkmWorkingDays: Sourced<number>;
  readonly lateCompensationPerDay: Sourced<BasisPoints>;
  readonly lateDayCounting: Sourced<LateDayCounting>;
}
