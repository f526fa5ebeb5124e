// Kemendagri region codes as shipped by the `nik-parser` package (wilayah.json): data, not
// code, so reading it keeps this library pure. Newer regions (the 2022 Papua provinces)
// may be missing from it; `extraRegencies` lets the service add them without a release.
import wilayah from 'nik-parser/dist/wilayah.json';

export interface RegionDirectory {
  provinceName(code: string): string | undefined;
  regencyName(code: string): string | undefined;
  /**
   * Whether a 6-digit kecamatan code exists: `true` or `false` when the data lists the
   * kecamatan of its kabupaten/kota, `undefined` when it does not (a regency added through
   * `extraRegencies`, whose kecamatan cannot be checked here).
   */
  districtExists(code: string): boolean | undefined;
}

interface Wilayah {
  readonly provinsi: Readonly<Record<string, string>>;
  readonly kabkot: Readonly<Record<string, string>>;
  readonly kecamatan: Readonly<Record<string, string>>;
}

const data = wilayah as Wilayah;

/** Kecamatan codes (6 digits) by their kabupaten/kota code, as the package lists them. */
const DISTRICTS_BY_REGENCY: ReadonlyMap<string, readonly string[]> = (() => {
  const byRegency = new Map<string, string[]>();
  for (const code of Object.keys(data.kecamatan).sort()) {
    const regency = code.slice(0, 4);
    const codes = byRegency.get(regency);
    if (codes === undefined) byRegency.set(regency, [code]);
    else codes.push(code);
  }
  return byRegency;
})();

/** The Kemendagri kecamatan codes of a kabupaten/kota (empty when the data has none). */
export function kemendagriDistrictCodes(regencyCode: string): readonly string[] {
  return DISTRICTS_BY_REGENCY.get(regencyCode) ?? [];
}

export function kemendagriRegions(
  extraProvinces: Readonly<Record<string, string>> = {},
  extraRegencies: Readonly<Record<string, string>> = {},
): RegionDirectory {
  return {
    provinceName: (code) => extraProvinces[code] ?? data.provinsi[code],
    regencyName: (code) => extraRegencies[code] ?? data.kabkot[code],
    districtExists: (code) =>
      DISTRICTS_BY_REGENCY.has(code.slice(0, 4)) ? data.kecamatan[code] !== undefined : undefined,
  };
}
