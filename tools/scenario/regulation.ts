/**
 * The scenario's own oracle: the amounts the regulation gives (shared/domain/jkk-jkm-rules.md),
 * written out here on purpose rather than taken from @santunan/rules, so that a platform
 * computing something else is caught. Integer rupiah throughout.
 */

/** BPU JKK 1% of the Rp1,000,000 floor + JKM Rp6,800, never discounted when paid from APBD (§1). */
export const APBD_TARIFF = 16_800;

/** §2, PP 82/2019: 48 × wage (at least Rp20,000,000) + periodic Rp12,000,000 + funeral Rp10,000,000. */
export function jkkDeathBenefit(declaredIncome: number): number {
  return Math.max(48 * declaredIncome, 20_000_000) + 12_000_000 + 10_000_000;
}

/** §2: CTT 70% × 80 × wage (= 56 × wage) + periodic Rp12,000,000 at once. */
export function cttBenefit(declaredIncome: number): number {
  return 56 * declaredIncome + 12_000_000;
}

/** §3: JKM Rp42,000,000; a BPU death within the first three months of membership Rp10,000,000 (Permenaker 1/2025). */
export function jkmDeathBenefit(membershipMonth: number): number {
  return membershipMonth <= 3 ? 10_000_000 : JKM_DEATH_FULL;
}

/** §3: the full JKM death benefit: death Rp20,000,000 + periodic Rp12,000,000 + funeral Rp10,000,000. */
export const JKM_DEATH_FULL = 20_000_000 + 12_000_000 + 10_000_000;

/** §1: a self-paying BPU's month: JKK 1% of the declared income + JKM Rp6,800 (outside the transport sector's PP 50/2025 discount). */
export function selfPayingMonth(declaredIncome: number): number {
  return Math.round(declaredIncome / 100) + 6_800;
}

/** §1: more than three consecutive unpaid months end a self-paying membership (the fourth ends it). */
export const LAPSE_AFTER_UNPAID_MONTHS = 4;

export type ScholarshipLevel = 'TK-SD' | 'SMP' | 'SMA' | 'PT';

/** §4: the yearly scholarship amount per level. */
export const SCHOLARSHIP_PER_YEAR: Readonly<Record<ScholarshipLevel, number>> = {
  'TK-SD': 1_500_000,
  SMP: 2_000_000,
  SMA: 3_000_000,
  PT: 12_000_000,
};

/** A typical age at which a child is at each level during the school year (for synthetic children). */
export const AGE_AT_LEVEL: Readonly<Record<ScholarshipLevel, number>> = {
  'TK-SD': 8,
  SMP: 13,
  SMA: 16,
  PT: 19,
};

/** The platform's default maker–checker threshold (claims): at or above, a second person checks. */
export const CHECKER_THRESHOLD = 10_000_000;

/** §4 / product decision 5: the scholarship year runs July–June. */
export function scholarshipYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 7 ? `${year}/${year + 1}` : `${year - 1}/${year}`;
}
