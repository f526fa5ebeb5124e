import { kemendagriDistrictCodes, WORKER_CSV_COLUMNS } from '@santunan/enrollment-domain';

/** NTT's kabupaten/kota codes: 5301–5321 and 5371 (Kota Kupang). */
export const NTT_REGENCIES: readonly string[] = [
  ...Array.from({ length: 21 }, (_, i) => String(5301 + i)),
  '5371',
];

const FIRST_NAMES = [
  'Yohanes',
  'Maria',
  'Paulus',
  'Agustina',
  'Yakobus',
  'Elisabeth',
  'Petrus',
  'Yuliana',
];
const FAMILY_NAMES = [
  'Bria',
  'Seran',
  'Ndun',
  'Lakapu',
  'Tefa',
  'Manu',
  'Nope',
  'Fanggidae',
  'Rihi',
];
const OCCUPATIONS = ['nelayan', 'petani', 'peternak', 'pedagang', 'penenun', 'tukang ojek'];

export interface SyntheticWorker {
  readonly nik: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  readonly address: string;
  readonly regencyCode: string;
  readonly phone: string;
  readonly occupation: string;
  readonly declaredIncome: number;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/**
 * Worker number `i` (0 ≤ i < 6,534,000), always the same and always valid: a NIK of a real
 * kecamatan of an NTT regency (Kemendagri data, as the decider checks), whose date part matches
 * the birth date (+40 on the day for women). Every NIK is distinct: two workers of one regency
 * and serial are 22·k apart (0 < k < 30), so their birth years differ (7·22·k is never a
 * multiple of 45) even when a regency has fewer than 30 kecamatan and they share one.
 */
export function syntheticWorker(i: number): SyntheticWorker {
  const regencyCode = NTT_REGENCIES[i % NTT_REGENCIES.length] ?? '5371';
  const districts = kemendagriDistrictCodes(regencyCode);
  const slot = Math.floor(i / NTT_REGENCIES.length) % 30;
  const district = districts[slot % districts.length] ?? `${regencyCode}01`;
  const serial = Math.floor(i / (NTT_REGENCIES.length * 30)) + 1;
  const year = 1960 + ((i * 7) % 45);
  const month = 1 + ((i * 5) % 12);
  const day = 1 + ((i * 3) % 28);
  const sex = i % 2 === 0 ? 'male' : 'female';
  const nikDay = sex === 'female' ? day + 40 : day;
  return {
    nik: `${district}${pad(nikDay, 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(serial, 4)}`,
    fullName: `${FIRST_NAMES[i % FIRST_NAMES.length] ?? ''} ${FAMILY_NAMES[(i * 7) % FAMILY_NAMES.length] ?? ''}`,
    birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
    sex,
    address: `Desa ${FAMILY_NAMES[i % FAMILY_NAMES.length] ?? ''} RT ${pad((i % 20) + 1, 3)}`,
    regencyCode,
    phone: `08${pad((i * 7919) % 10_000_000_000, 10)}`,
    occupation: OCCUPATIONS[i % OCCUPATIONS.length] ?? 'petani',
    declaredIncome: 1_000_000 + (i % 5) * 250_000,
  };
}

/** One CSV line, fields in WORKER_CSV_COLUMNS order. */
export function workerCsvLine(worker: SyntheticWorker): string {
  return [
    worker.nik,
    worker.fullName,
    worker.birthDate,
    worker.sex === 'male' ? 'L' : 'P',
    worker.address,
    worker.regencyCode,
    worker.phone,
    worker.occupation,
    String(worker.declaredIncome),
  ].join(',');
}

export const WORKER_CSV_HEADER = WORKER_CSV_COLUMNS.join(',');

/** The header and workers `from` … `from + count - 1`, as CSV text. */
export function syntheticWorkerCsv(count: number, from = 0): string {
  const lines = [WORKER_CSV_HEADER];
  for (let i = from; i < from + count; i += 1) lines.push(workerCsvLine(syntheticWorker(i)));
  return `${lines.join('\n')}\n`;
}
