/**
 * The identifiers an employer registers with. Formats only: whether the numbers were really
 * issued is for the issuing registries (BPJS, DJP, OSS), which this platform cannot query.
 */
export type IdentifierRejection = 'NPP_FORMAT' | 'NPWP_FORMAT' | 'NIB_FORMAT' | 'KBLI_FORMAT';

const FORMATS: readonly [IdentifierRejection, RegExp, string][] = [
  // Nomor Pendaftaran Perusahaan as BPJS Ketenagakerjaan issues it (rules reference §10, M).
  ['NPP_FORMAT', /^\d{8}$/, 'NPP must be 8 digits'],
  // 15 digits (the pre-2024 format, punctuation removed) or the 16-digit NPWP of PMK 112/2022.
  ['NPWP_FORMAT', /^(\d{15}|\d{16})$/, 'NPWP must be 15 or 16 digits, without punctuation'],
  // Nomor Induk Berusaha from OSS RBA (PP 5/2021).
  ['NIB_FORMAT', /^\d{13}$/, 'NIB must be 13 digits'],
  // KBLI 2020 (Peraturan BPS 2/2020): five digits at the most detailed level.
  ['KBLI_FORMAT', /^\d{5}$/, 'KBLI must be a 5-digit KBLI 2020 code'],
];

export interface IdentifierProblem {
  readonly code: IdentifierRejection;
  readonly message: string;
}

/** The first malformed identifier, in the order the registration form asks for them. */
export function identifierProblem(identifiers: {
  readonly npp: string;
  readonly npwp: string;
  readonly nib: string;
  readonly kbli: string;
}): IdentifierProblem | undefined {
  const values: Record<IdentifierRejection, string> = {
    NPP_FORMAT: identifiers.npp,
    NPWP_FORMAT: identifiers.npwp,
    NIB_FORMAT: identifiers.nib,
    KBLI_FORMAT: identifiers.kbli,
  };
  for (const [code, pattern, message] of FORMATS) {
    if (!pattern.test(values[code])) return { code, message };
  }
  return undefined;
}

export function isNpp(value: string): boolean {
  return /^\d{8}$/.test(value);
}
