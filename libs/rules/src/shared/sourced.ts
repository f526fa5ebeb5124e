/**
 * Confidence in a rule value, as marked in the domain reference: H = regulation text or several
 * consistent official sources; M = consistent secondary sources; L = one source or unverified.
 */
export type Confidence = 'H' | 'M' | 'L';

/** A rule value together with where it comes from. Every amount and rate in a rule set is one. */
export interface Sourced<T> {
  readonly value: T;
  /** Regulation, and article or annex where known. */
  readonly legalBasis: string;
  readonly confidence: Confidence;
  /** Why the value is what it is when that is not obvious (assumptions, unverified parts). */
  readonly note?: string;
}

export interface Provenance {
  readonly legalBasis: string;
  readonly confidence: Confidence;
}

export function sourced<T>(
  value: T,
  confidence: Confidence,
  legalBasis: string,
  note?: string,
): Sourced<T> {
  return note === undefined
    ? { value, legalBasis, confidence }
    : { value, legalBasis, confidence, note };
}

const rank: Record<Confidence, number> = { H: 3, M: 2, L: 1 };

/** A result is only as certain as the least certain rule value it used. */
export function provenanceOf(
  ...items: readonly Pick<Sourced<unknown>, 'legalBasis' | 'confidence'>[]
): Provenance {
  const first = items[0];
  if (first === undefined) throw new Error('@santunan/rules bug: provenance of nothing');
  const bases: string[] = [];
  let confidence: Confidence = first.confidence;
  for (const item of items) {
    if (!bases.includes(item.legalBasis)) bases.push(item.legalBasis);
    if (rank[item.confidence] < rank[confidence]) confidence = item.confidence;
  }
  return { legalBasis: bases.join('; '), confidence };
}
