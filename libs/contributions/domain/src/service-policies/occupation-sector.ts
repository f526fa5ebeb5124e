import type { ContributionSector } from '@santunan/contracts';
import type { Sourced } from '@santunan/rules';

/**
 * Enrollment publishes an occupation as free text; the rules only ask whether a BPU works in
 * transport (PP 50/2025 halves a self-paying transport worker's JKK and JKM). Words that
 * name transport work, matched as whole words or word prefixes of the lower-cased text.
 */
export const TRANSPORT_OCCUPATION_WORDS: Sourced<readonly string[]> = {
  value: [
    'ojek',
    'ojol',
    'sopir',
    'supir',
    'pengemudi',
    'driver',
    'kurir',
    'kernet',
    'kenek',
    'angkot',
    'becak',
    'bentor',
    'bajaj',
    'taksi',
    'taxi',
    'transportasi',
    'angkutan',
    'motoris',
    'nakhoda',
    'porter',
  ],
  confidence: 'L',
  legalBasis:
    'PP 50/2025 (BPU discount for the transport sector); platform mapping from enrollment occupation text, docs/adr/0012',
  note: 'Not a BPJS list: a worker whose occupation text names none of these words pays the undiscounted tariff.',
};

const WORD = /[a-z]+/g;

/** `transport` when the occupation names transport work, else `other`. */
export function sectorOfOccupation(
  occupation: string,
  words: Sourced<readonly string[]> = TRANSPORT_OCCUPATION_WORDS,
): ContributionSector {
  const tokens = occupation.toLowerCase().match(WORD) ?? [];
  const transport = tokens.some((token) => words.value.some((word) => token.startsWith(word)));
  return transport ? 'transport' : 'other';
}
