import type { IsoDate } from '../calendar/iso-date';
import type { Rupiah } from '../money/rupiah';
import type { Confidence } from '../shared/sourced';

/**
 * Regional minimum wages (upah minimum): a PU worker's wage must be at least the UMK of the
 * kabupaten/kota where they work, or the UMP of the province where that regency has no UMK
 * (PP 36/2021 Pasal 23 and 25, as amended by PP 51/2023; rules reference §10 "wage basis").
 * Effective-dated data, each entry in force from its date until the next entry of the same
 * region: a decree published late never needs a code change, only a new row.
 *
 * Only the regions the platform serves are listed (Nusa Tenggara Timur, province 53). The
 * NTT regencies' UMKs (Kota Kupang has one) could not be confirmed from the decrees
 * themselves, so every NTT regency is held to the UMP until a UMK row is added — a floor that
 * may be lower than the real one, never higher. A region with no entry at all is not checked.
 */
export interface MinimumWageEntry {
  /** `53` (a province: UMP) or `5371` (a kabupaten/kota: UMK). */
  readonly regionCode: string;
  readonly kind: 'UMP' | 'UMK';
  readonly effectiveFrom: IsoDate;
  /** Whole rupiah a month. */
  readonly amount: Rupiah;
  readonly legalBasis: string;
  readonly confidence: Confidence;
}

export const MINIMUM_WAGES: readonly MinimumWageEntry[] = [
  {
    regionCode: '53',
    kind: 'UMP',
    effectiveFrom: '2024-01-01' as IsoDate,
    amount: 2_186_826 as Rupiah,
    legalBasis: 'Keputusan Gubernur Nusa Tenggara Timur tentang UMP NTT 2024 (PP 51/2023 formula)',
    confidence: 'M',
  },
  {
    regionCode: '53',
    kind: 'UMP',
    effectiveFrom: '2025-01-01' as IsoDate,
    amount: 2_328_969 as Rupiah,
    legalBasis:
      'Keputusan Gubernur Nusa Tenggara Timur tentang UMP NTT 2025 (Permenaker 16/2024: +6.5%)',
    confidence: 'M',
  },
];

/** The minimum a wage is held to, and the row it comes from. */
export interface MinimumWageInForce extends MinimumWageEntry {
  /** Stable id of the row, named in the decision that applied it: `UMP-53-2025-01-01`. */
  readonly id: string;
}

function latestFor(
  regionCode: string,
  date: IsoDate,
  table: readonly MinimumWageEntry[],
): MinimumWageEntry | undefined {
  return table
    .filter((entry) => entry.regionCode === regionCode && entry.effectiveFrom <= date)
    .reduce<
      MinimumWageEntry | undefined
    >((latest, entry) => (latest === undefined || entry.effectiveFrom > latest.effectiveFrom ? entry : latest), undefined);
}

/**
 * The minimum wage in force on `date` for work in a kabupaten/kota: its UMK when one is in
 * force, else its province's UMP; undefined when the table knows neither.
 */
export function minimumWageInForce(
  regencyCode: string,
  date: IsoDate,
  table: readonly MinimumWageEntry[] = MINIMUM_WAGES,
): MinimumWageInForce | undefined {
  const entry =
    latestFor(regencyCode, date, table) ?? latestFor(regencyCode.slice(0, 2), date, table);
  return entry === undefined
    ? undefined
    : { ...entry, id: `${entry.kind}-${entry.regionCode}-${entry.effectiveFrom}` };
}
