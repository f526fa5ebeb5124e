/**
 * What the NTT 2026 scenario does, decided up front from the size, the seed and the platform's
 * date: the programs and their workers, the months paid, and the claims with the outcome the
 * regulation gives each. Dates: docs/adr/0016-ntt-scenario.md.
 */
import { APBD_TARIFF, type ScholarshipLevel } from './regulation';

export type ScenarioSize = 'small' | 'full';

export const PROVINCE_BUDGET = 10_080_000_000;
export const PROGRAM_MONTHS = 12;

export interface ProgramPlan {
  readonly programId: string;
  readonly name: string;
  readonly sponsorType: 'province' | 'regency';
  /** The kabupaten/kota whose budget pays (its workers live there); null: the province. */
  readonly regencyCode: string | null;
  readonly pksNumber: string;
  readonly budget: number;
  /** Workers enrolled by CSV in this run. */
  readonly workers: number;
  /** The sponsor operator's user id (the opener operates the program). */
  readonly operator: string;
}

/** A worker of a program: the program's index in the plan and the row in its CSV. */
export interface WorkerRef {
  readonly program: number;
  readonly row: number;
}

export type ClaimCase =
  | {
      readonly kind: 'jkk-death';
      readonly id: string;
      readonly subject: WorkerRef;
      readonly children: readonly ScholarshipLevel[];
      readonly payoutFails: boolean;
    }
  | {
      readonly kind: 'ctt';
      readonly id: string;
      readonly subject: WorkerRef;
      readonly children: readonly ScholarshipLevel[];
      readonly payoutFails: boolean;
    }
  | {
      readonly kind: 'jkm-death';
      readonly id: string;
      readonly subject: WorkerRef;
      readonly payoutFails: boolean;
    }
  /** A second death claim (JKM, by a parent) for the death of `of`'s participant. */
  | { readonly kind: 'duplicate-death'; readonly id: string; readonly of: string }
  /** A self-paying worker registered on his own who has not paid: his death claim is refused. */
  | { readonly kind: 'unpaid-coverage'; readonly id: string };

export interface ScenarioPlan {
  readonly size: ScenarioSize;
  readonly seed: number;
  /** The platform's date (Asia/Jakarta): every act of the scenario happens on it. */
  readonly today: string;
  readonly firstMonth: string;
  readonly lastMonth: string;
  readonly months: readonly string[];
  readonly programs: readonly ProgramPlan[];
  readonly claims: readonly ClaimCase[];
}

export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The Jakarta calendar date of an instant (UTC+7, no DST), as the services' clock says it. */
export function jakartaDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

const REGENCY_PROGRAMS = [
  { code: '5371', slug: 'kota-kupang', name: 'Pemerintah Kota Kupang', full: 15_000, small: 30 },
  {
    code: '5301',
    slug: 'kab-kupang',
    name: 'Pemerintah Kabupaten Kupang',
    full: 10_000,
    small: 20,
  },
  {
    code: '5302',
    slug: 'kab-tts',
    name: 'Pemerintah Kabupaten Timor Tengah Selatan',
    full: 10_000,
    small: 20,
  },
  { code: '5307', slug: 'kab-sikka', name: 'Pemerintah Kabupaten Sikka', full: 8_000, small: 15 },
  {
    code: '5311',
    slug: 'kab-sumba-timur',
    name: 'Pemerintah Kabupaten Sumba Timur',
    full: 7_000,
    small: 15,
  },
] as const;

export const DEFAULT_SEED = 2026;

export function planScenario(options: {
  readonly size: ScenarioSize;
  readonly today: string;
  readonly seed?: number;
}): ScenarioPlan {
  const { size, today } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  const full = size === 'full';
  // Another seed on the same databases needs other program ids (NIKs differ by draw).
  const suffix = seed === DEFAULT_SEED ? '' : `-s${seed}`;
  // Sponsorship cannot start before the current month (contributions refuses
  // ENROLMENT_START_IN_THE_PAST), so the twelve program months start with the later of January
  // 2026 and the current month: exactly January–December 2026 when run by January 2026.
  const currentMonth = today.slice(0, 7);
  const firstMonth = currentMonth > '2026-01' ? currentMonth : '2026-01';
  const lastMonth = addMonths(firstMonth, PROGRAM_MONTHS - 1);
  const months = Array.from({ length: PROGRAM_MONTHS }, (_, i) => addMonths(firstMonth, i));

  const programs: ProgramPlan[] = [
    {
      programId: `ntt-2026${suffix}`,
      name: 'Bantuan iuran pekerja rentan Provinsi Nusa Tenggara Timur 2026',
      sponsorType: 'province',
      regencyCode: null,
      pksNumber: 'PKS/53/BPJSTK/2025/117',
      budget: PROVINCE_BUDGET,
      workers: full ? 50_000 : 100,
      operator: 'operator-pemprov-ntt',
    },
    ...REGENCY_PROGRAMS.map((regency, i) => {
      const workers = full ? regency.full : regency.small;
      return {
        programId: `${regency.slug}-2026${suffix}`,
        name: `Bantuan iuran pekerja rentan ${regency.name} 2026`,
        sponsorType: 'regency' as const,
        regencyCode: regency.code,
        pksNumber: `PKS/${regency.code}/BPJSTK/2025/${String(201 + i)}`,
        budget: workers * APBD_TARIFF * PROGRAM_MONTHS,
        workers,
        operator: `operator-${regency.slug}`,
      };
    }),
  ];

  const at = (program: number, row: number): WorkerRef => ({ program, row });
  const claims: ClaimCase[] = [
    {
      kind: 'jkk-death',
      id: 'jkk-death-1',
      subject: at(0, 3),
      children: ['SMP', 'PT'],
      payoutFails: false,
    },
    {
      kind: 'jkk-death',
      id: 'jkk-death-2',
      subject: at(1, 1),
      children: ['SMA'],
      payoutFails: full,
    },
    { kind: 'ctt', id: 'ctt-1', subject: at(2, 2), children: ['TK-SD'], payoutFails: false },
    { kind: 'jkm-death', id: 'jkm-death-1', subject: at(0, 7), payoutFails: true },
    { kind: 'jkm-death', id: 'jkm-death-2', subject: at(3, 4), payoutFails: false },
  ];
  if (full) {
    const levels: ScholarshipLevel[][] = [['TK-SD', 'SMP'], ['SMA'], [], ['PT']];
    for (let i = 0; i < 4; i += 1) {
      claims.push({
        kind: 'jkk-death',
        id: `jkk-death-${i + 3}`,
        subject: at(i % 6, 101 + i * 37),
        children: levels[i] ?? [],
        payoutFails: false,
      });
      claims.push({
        kind: 'jkm-death',
        id: `jkm-death-${i + 3}`,
        subject: at((i + 2) % 6, 211 + i * 41),
        payoutFails: false,
      });
    }
  }
  claims.push({ kind: 'duplicate-death', id: 'duplicate-death-1', of: 'jkk-death-1' });
  claims.push({ kind: 'unpaid-coverage', id: 'unpaid-coverage-1' });
  return { size, seed, today, firstMonth, lastMonth, months, programs, claims };
}
