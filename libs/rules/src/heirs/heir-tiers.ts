import { oneOf } from '../rule-sets/vocabulary';
import type { Result } from '../shared/result';

export const HEIR_RELATIONSHIPS = [
  'spouse',
  'child',
  'parent',
  'grandparent',
  'grandchild',
  'sibling',
  'parent-in-law',
  'will-beneficiary',
] as const;
/** Relationship to the deceased participant; 'will-beneficiary' = named in a notarial will. */
export type HeirRelationship = (typeof HEIR_RELATIONSHIPS)[number];

export const parseHeirRelationship = (
  value: unknown,
  field = 'relationship',
): Result<HeirRelationship> => oneOf(HEIR_RELATIONSHIPS, value, field);

export type HeirTierNumber = 1 | 2 | 3 | 4 | 5;

/**
 * One rung of the ahli waris order. Within a tier the relationships are listed in the order
 * the platform prefers a payee (product decision 4), not a legal ranking.
 */
export interface HeirTier {
  readonly tier: HeirTierNumber;
  readonly name: string;
  readonly relationships: readonly HeirRelationship[];
}
