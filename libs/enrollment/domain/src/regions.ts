// Kemendagri region codes as shipped by the `nik-parser` package (wilayah.json): data, not
// code, so reading it keeps this library pure. Newer regions (the 2022 Papua provinces)
// may be missing from it; `extraRegencies` lets the service add them without a release.
import wilayah from 'nik-parser/dist/wilayah.json';

export interface RegionDirectory {
  provinceName(code: string): string | undefined;
  regencyName(code: string): string | undefined;
}

interface Wilayah {
  readonly provinsi: Readonly<Record<string, string>>;
  readonly kabkot: Readonly<Record<string, string>>;
}

export function kemendagriRegions(
  extraProvinces: Readonly<Record<string, string>> = {},
  extraRegencies: Readonly<Record<string, string>> = {},
): RegionDirectory {
  const data = wilayah as Wilayah;
  return {
    provinceName: (code) => extraProvinces[code] ?? data.provinsi[code],
    regencyName: (code) => extraRegencies[code] ?? data.kabkot[code],
  };
}
