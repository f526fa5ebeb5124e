import type { Sourced } from '../shared/sourced';
import { sourced } from '../shared/sourced';

/**
 * The employer reports a change of its workers' data (a new worker, a wage, a worker leaving)
 * within this many working days (PP 44/2015 Pasal 9; rules reference §10, confidence H).
 */
export const PU_DATA_CHANGE_REPORTING_WORKING_DAYS: Sourced<number> = sourced(
  7,
  'H',
  'PP 44/2015 Pasal 9',
);

/**
 * A daily-paid worker's monthly wage for contributions: the daily wage × 25 (Perdir BPJS
 * Ketenagakerjaan 22/2022; rules reference §10, M-H).
 */
export const PU_DAILY_WAGE_DAYS: Sourced<number> = sourced(
  25,
  'M',
  'Peraturan Direksi BPJS Ketenagakerjaan 22/2022 (upah harian × 25)',
);

/**
 * Businesses the minimum wage does not bind: micro and small enterprises agree their wages
 * with the workers (PP 36/2021 Pasal 36, as amended by PP 51/2023).
 */
export const MINIMUM_WAGE_EXEMPT_SCALES: Sourced<readonly ('micro' | 'small')[]> = sourced(
  ['micro', 'small'],
  'M',
  'PP 36/2021 Pasal 36 (upah pada usaha mikro dan kecil)',
);
