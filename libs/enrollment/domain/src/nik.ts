import type { RegionDirectory } from './regions';

/**
 * NIK, the 16-digit national identity number:
 *   PP KK CC DDMMYY SSSS = province, kabupaten/kota, kecamatan, birth date (women: day + 40),
 *   serial. `nik-parser`'s data checks the regions; the date and sex checks are ours.
 */
export type Sex = 'male' | 'female';

export type NikRejection =
  | 'NIK_FORMAT'
  | 'NIK_PROVINCE_UNKNOWN'
  | 'NIK_REGENCY_UNKNOWN'
  | 'NIK_DISTRICT_INVALID'
  | 'NIK_DISTRICT_UNKNOWN'
  | 'NIK_DATE_INVALID'
  | 'NIK_BIRTH_DATE_MISMATCH'
  | 'NIK_SEX_MISMATCH'
  | 'NIK_SERIAL_INVALID';

export interface ParsedNik {
  readonly provinceCode: string;
  readonly regencyCode: string;
  readonly districtCode: string;
  readonly sex: Sex;
  readonly birthDay: number;
  readonly birthMonth: number;
  /** Two digits only: the century comes from the declared birth date. */
  readonly birthYearTwoDigits: number;
  readonly serial: string;
}

export type NikCheck =
  | { readonly ok: true; readonly nik: ParsedNik }
  | { readonly ok: false; readonly code: NikRejection; readonly message: string };

function reject(code: NikRejection, message: string): NikCheck {
  return { ok: false, code, message };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Checks a NIK on its own, and against the declared birth date (YYYY-MM-DD) and sex. */
export function checkNik(
  nik: string,
  declared: { readonly birthDate: string; readonly sex: Sex },
  regions: RegionDirectory,
): NikCheck {
  if (!/^\d{16}$/.test(nik)) return reject('NIK_FORMAT', 'NIK must be exactly 16 digits');
  const provinceCode = nik.slice(0, 2);
  const regencyCode = nik.slice(0, 4);
  const districtCode = nik.slice(0, 6);
  if (!regions.provinceName(provinceCode)) {
    return reject(
      'NIK_PROVINCE_UNKNOWN',
      `province code ${provinceCode} is not a Kemendagri province`,
    );
  }
  if (!regions.regencyName(regencyCode)) {
    return reject(
      'NIK_REGENCY_UNKNOWN',
      `kabupaten/kota code ${regencyCode} is not a Kemendagri regency`,
    );
  }
  if (nik.slice(4, 6) === '00')
    return reject('NIK_DISTRICT_INVALID', 'kecamatan code 00 does not exist');
  // A regency the data lists without its kecamatan (one added as an extra) is not checked.
  if (regions.districtExists(districtCode) === false) {
    return reject(
      'NIK_DISTRICT_UNKNOWN',
      `kecamatan code ${districtCode} is not a Kemendagri kecamatan of ${regencyCode}`,
    );
  }

  const encodedDay = Number(nik.slice(6, 8));
  const sex: Sex = encodedDay > 40 ? 'female' : 'male';
  const birthDay = sex === 'female' ? encodedDay - 40 : encodedDay;
  const birthMonth = Number(nik.slice(8, 10));
  const birthYearTwoDigits = Number(nik.slice(10, 12));
  const serial = nik.slice(12, 16);
  if (serial === '0000') return reject('NIK_SERIAL_INVALID', 'serial 0000 is never issued');

  const declaredDate = /^(\d{4})-(\d{2})-(\d{2})$/.exec(declared.birthDate);
  if (!declaredDate)
    return reject('NIK_BIRTH_DATE_MISMATCH', 'declared birth date must be YYYY-MM-DD');
  const [, y, m, d] = declaredDate;
  const year = Number(y);
  if (
    birthMonth < 1 ||
    birthMonth > 12 ||
    birthDay < 1 ||
    birthDay > daysInMonth(year, birthMonth)
  ) {
    return reject(
      'NIK_DATE_INVALID',
      `NIK date part ${nik.slice(6, 12)} is not a valid birth date`,
    );
  }
  if (birthDay !== Number(d) || birthMonth !== Number(m) || birthYearTwoDigits !== year % 100) {
    return reject(
      'NIK_BIRTH_DATE_MISMATCH',
      `NIK encodes a birth date other than ${declared.birthDate}`,
    );
  }
  if (sex !== declared.sex) {
    return reject(
      'NIK_SEX_MISMATCH',
      `NIK encodes sex ${sex} (women: day + 40), declared ${declared.sex}`,
    );
  }
  return {
    ok: true,
    nik: {
      provinceCode,
      regencyCode,
      districtCode,
      sex,
      birthDay,
      birthMonth,
      birthYearTwoDigits,
      serial,
    },
  };
}
