/**
 * Deterministic synthetic people of Nusa Tenggara Timur: workers with valid NIKs (real
 * Kemendagri kecamatan codes of province 53 from nik-parser's wilayah.json, the birth date
 * encoded with +40 on the day for women, a serial), Timorese, Florinese and Sumbanese names,
 * occupations of the informal sector, and their heirs and children.
 */
import wilayah from 'nik-parser/dist/wilayah.json';
import { WORKER_CSV_COLUMNS } from '@santunan/enrollment-domain';
import { Prng } from './prng';

/** Declared income of sponsored workers: the BPU floor the programs' tariff is assessed at. */
export const BPU_INCOME_FLOOR = 1_000_000;

interface Wilayah {
  readonly kabkot: Readonly<Record<string, string>>;
  readonly kecamatan: Readonly<Record<string, string>>;
}
const data = wilayah as Wilayah;

/** NTT's kabupaten/kota (5301–5321, 5371) with their kecamatan codes. */
export const NTT_REGENCIES: readonly string[] = Object.keys(data.kabkot)
  .filter((code) => code.startsWith('53'))
  .sort();

const KECAMATAN: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  NTT_REGENCIES.map((regency) => [
    regency,
    Object.keys(data.kecamatan).filter((code) => code.startsWith(regency)),
  ]),
);

export function regencyName(code: string): string {
  return data.kabkot[code] ?? code;
}

const MALE = [
  'Yohanes',
  'Paulus',
  'Yakobus',
  'Petrus',
  'Markus',
  'Agustinus',
  'Fransiskus',
  'Benediktus',
  'Yosef',
  'Simon',
  'Dominikus',
  'Aloysius',
  'Kornelis',
  'Melkianus',
  'Yeremias',
  'Stefanus',
];
const FEMALE = [
  'Maria',
  'Agustina',
  'Elisabeth',
  'Yuliana',
  'Theresia',
  'Anastasia',
  'Magdalena',
  'Veronika',
  'Yosefina',
  'Martha',
  'Katarina',
  'Florentina',
  'Margaretha',
  'Adriana',
  'Serlina',
  'Ursula',
];
const FAMILY = [
  'Bria',
  'Seran',
  'Ndun',
  'Lakapu',
  'Tefa',
  'Manu',
  'Nope',
  'Fanggidae',
  'Rihi',
  'Kolo',
  'Nome',
  'Bani',
  'Nuban',
  'Lake',
  'Tanesib',
  'Sabu',
  'Wadu',
  'Ratu',
  'Djawa',
  'Lewar',
  'Kewa',
  'Boro',
  'Dapa',
  'Bili',
  'Umbu',
  'Hamba',
  'Jawa',
  'Leki',
  'Ngara',
  'Wona',
];
const OCCUPATIONS = [
  'nelayan',
  'petani',
  'peternak',
  'pedagang kaki lima',
  'penenun ikat',
  'tukang ojek',
  'buruh harian',
  'petani rumput laut',
  'pengrajin',
  'sopir angkot',
];
const VILLAGES = [
  'Oesapa',
  'Oelnasi',
  'Noelbaki',
  'Tarus',
  'Baumata',
  'Oebobo',
  'Nunbaun',
  'Bello',
];

export type Sex = 'male' | 'female';

export interface Worker {
  readonly nik: string;
  readonly fullName: string;
  readonly familyName: string;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly address: string;
  readonly regencyCode: string;
  readonly phone: string;
  readonly occupation: string;
  readonly declaredIncome: number;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Draws workers from one seed. NIKs are unique within a population: a drawn NIK already
 * given takes the next serial.
 */
export class NttPopulation {
  private readonly random: Prng;
  private readonly niks = new Set<string>();

  constructor(seed: number) {
    this.random = new Prng(seed);
  }

  /** A worker living in `regencyCode` (any NTT regency when absent). */
  worker(regencyCode?: string, declaredIncome = BPU_INCOME_FLOOR): Worker {
    const r = this.random;
    const regency = regencyCode ?? r.pick(NTT_REGENCIES);
    const kecamatan = r.pick(KECAMATAN[regency] ?? [`${regency}01`]);
    const sex: Sex = r.next() < 0.5 ? 'male' : 'female';
    const year = r.int(1966, 2004);
    const month = r.int(1, 12);
    const day = r.int(1, daysIn(year, month));
    const datePart = `${pad(sex === 'female' ? day + 40 : day, 2)}${pad(month, 2)}${pad(year % 100, 2)}`;
    let serial = r.int(1, 9_000);
    let nik = `${kecamatan}${datePart}${pad(serial, 4)}`;
    while (this.niks.has(nik)) {
      serial = (serial % 9_999) + 1;
      nik = `${kecamatan}${datePart}${pad(serial, 4)}`;
    }
    this.niks.add(nik);
    const familyName = r.pick(FAMILY);
    return {
      nik,
      fullName: `${r.pick(sex === 'male' ? MALE : FEMALE)} ${familyName}`,
      familyName,
      birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      sex,
      address: `Desa ${r.pick(VILLAGES)} RT ${pad(r.int(1, 20), 3)} RW ${pad(r.int(1, 9), 3)}`,
      regencyCode: regency,
      phone: `08${pad(r.int(11, 99), 2)}${pad(r.int(0, 99_999_999), 8)}`,
      occupation: r.pick(OCCUPATIONS),
      declaredIncome,
    };
  }

  /** A self-paying worker's income: Rp1,000,000–Rp3,000,000 in steps of Rp50,000. */
  income(): number {
    return BPU_INCOME_FLOOR + this.random.int(0, 40) * 50_000;
  }

  uuid(): string {
    return this.random.uuid();
  }

  /** A bank account number of `digits` digits. */
  accountNumber(digits = 12): string {
    return Array.from({ length: digits }, (_, i) =>
      String(this.random.int(i === 0 ? 1 : 0, 9)),
    ).join('');
  }

  givenName(sex: Sex): string {
    return this.random.pick(sex === 'male' ? MALE : FEMALE);
  }
}

/** One CSV line in WORKER_CSV_COLUMNS order (no field holds a comma or a quote). */
export function workerCsvLine(worker: Worker): string {
  const fields: Record<(typeof WORKER_CSV_COLUMNS)[number], string> = {
    nik: worker.nik,
    full_name: worker.fullName,
    birth_date: worker.birthDate,
    sex: worker.sex === 'male' ? 'L' : 'P',
    address: worker.address,
    regency_code: worker.regencyCode,
    phone: worker.phone,
    occupation: worker.occupation,
    declared_income: String(worker.declaredIncome),
  };
  return WORKER_CSV_COLUMNS.map((column) => fields[column]).join(',');
}

export function workersCsv(workers: readonly Worker[]): string {
  return `${[WORKER_CSV_COLUMNS.join(','), ...workers.map(workerCsvLine)].join('\n')}\n`;
}
