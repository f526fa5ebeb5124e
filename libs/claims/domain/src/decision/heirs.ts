import type { HeirRelationship as EnrollmentRelationship } from '@santunan/contracts';
import {
  resolveHeirs,
  type HeirCandidate,
  type HeirRelationship,
  type HeirResolution,
  type Result,
} from '@santunan/rules';
import type { HeirFact, HeirFacts } from '../facts/claim-facts';

/** Enrollment says 'named-in-will' where the rules library says 'will-beneficiary'. */
const RULES_RELATIONSHIP: Readonly<Record<EnrollmentRelationship, HeirRelationship>> = {
  spouse: 'spouse',
  child: 'child',
  parent: 'parent',
  grandparent: 'grandparent',
  grandchild: 'grandchild',
  sibling: 'sibling',
  'parent-in-law': 'parent-in-law',
  'named-in-will': 'will-beneficiary',
};

export function heirCandidates(heirs: readonly HeirFact[]): HeirCandidate[] {
  return heirs.map((heir) => ({
    id: heir.heirId,
    name: heir.fullName,
    relationship: RULES_RELATIONSHIP[heir.relationship],
    ...(heir.birthDate === undefined ? {} : { birthDate: heir.birthDate }),
  }));
}

/** Ahli waris by priority (tiers 1–5, then the no-heir rule), by the rules library. */
export function resolveClaimHeirs(
  deathDate: string,
  facts: HeirFacts,
  asOfDate: string,
): Result<HeirResolution> {
  const arranger = facts.burialArrangedBy ?? null;
  return resolveHeirs({
    deathDate,
    asOfDate,
    candidates: heirCandidates(facts.heirs),
    ...(facts.nominatedPayeeId === undefined ? {} : { nominatedPayeeId: facts.nominatedPayeeId }),
    consentsGivenBy: facts.consentsGivenBy ?? [],
    burialArrangedBy:
      arranger === null ? null : { id: arranger.arrangerId, name: arranger.fullName },
  });
}
