import { ageOn, parseIsoDate, type IsoDate } from '../calendar/iso-date';
import { incidentContext } from '../rule-sets/incident-rule-set';
import type { RuleSetId } from '../rule-sets/rule-set';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { provenanceOf, type Provenance } from '../shared/sourced';
import {
  parseHeirRelationship,
  type HeirRelationship,
  type HeirTier,
  type HeirTierNumber,
} from './heir-tiers';

/**
 * Platform policy: an heir of 18 or more receives money in their own name (UU 35/2014 counts
 * anyone under 18 as a child); a younger heir needs a guardian.
 */
export const ADULT_AGE = 18;

export interface HeirCandidate {
  readonly id: string;
  readonly name: string;
  readonly relationship: HeirRelationship;
  /** Lets the payee rule prefer an adult and route scholarships; optional. */
  readonly birthDate?: string;
}

export interface BurialArranger {
  readonly id: string;
  readonly name: string;
}

export interface ResolveHeirsInput {
  /** The death date: it picks the rule set. */
  readonly deathDate: string;
  /** The date the heirs are determined (for ages). */
  readonly asOfDate: string;
  /** Living people with a claim to be heirs, as evidenced (heir certificate, KK, will). */
  readonly candidates: readonly HeirCandidate[];
  /** The heir the others chose to receive the cash; else the platform's default order. */
  readonly nominatedPayeeId?: string;
  /** Heirs whose consent to the payee is recorded. */
  readonly consentsGivenBy?: readonly string[];
  /** Who arranged the burial, for the no-heir rule. */
  readonly burialArrangedBy?: BurialArranger | null;
}

export interface PayeeChoice {
  readonly heir: HeirCandidate;
  readonly basis: 'nominated' | 'default-order';
  readonly reason: string;
  /** True when the payee is under ADULT_AGE and needs a guardian; null when the age is unknown. */
  readonly needsGuardian: boolean | null;
}

export interface ScholarshipAccount {
  readonly childId: string;
  readonly account: 'child-account' | 'guardian-account';
  readonly reason: string;
}

export type HeirResolution =
  | {
      readonly kind: 'heirs';
      readonly ruleSetId: RuleSetId;
      readonly provenance: Provenance;
      readonly tier: HeirTierNumber;
      readonly tierName: string;
      /** Everyone in the highest tier with at least one member: they share the entitlement. */
      readonly entitled: readonly HeirCandidate[];
      readonly notEntitled: readonly { readonly heir: HeirCandidate; readonly reason: string }[];
      /** Product decision 4: one heir receives the cash benefits with the others' consent. */
      readonly payee: PayeeChoice;
      readonly consentRequiredFrom: readonly HeirCandidate[];
      readonly consentMissingFrom: readonly HeirCandidate[];
      readonly payeeStatus: 'ready' | 'awaiting-consent';
      /** Scholarships are paid to the child's or the guardian's account, never to the payee. */
      readonly scholarshipAccounts: readonly ScholarshipAccount[];
      readonly reasons: readonly string[];
    }
  | {
      readonly kind: 'no-heir';
      readonly ruleSetId: RuleSetId;
      readonly provenance: Provenance;
      readonly tier: 6;
      /** The funeral benefit goes to whoever arranged the burial (null: not yet known). */
      readonly funeralPayee: BurialArranger | null;
      /** Every other benefit goes back to the social security fund. */
      readonly otherBenefitsTo: 'social-security-fund';
      readonly reasons: readonly string[];
    };

interface Aged {
  readonly heir: HeirCandidate;
  readonly index: number;
  readonly birthDate: IsoDate | null;
  readonly age: number | null;
}

/** Default payee order within a tier: relationship order, then adults, then the eldest, then input order. */
function defaultOrder(tier: HeirTier, a: Aged, b: Aged): number {
  const byRelationship =
    tier.relationships.indexOf(a.heir.relationship) -
    tier.relationships.indexOf(b.heir.relationship);
  if (byRelationship !== 0) return byRelationship;
  const adultRank = (x: Aged): number => (x.age === null ? 1 : x.age >= ADULT_AGE ? 0 : 2);
  const byAdult = adultRank(a) - adultRank(b);
  if (byAdult !== 0) return byAdult;
  if (a.birthDate !== null && b.birthDate !== null && a.birthDate !== b.birthDate)
    return a.birthDate < b.birthDate ? -1 : 1;
  return a.index - b.index;
}

function scholarshipAccountOf(child: Aged): ScholarshipAccount {
  if (child.age === null) {
    return {
      childId: child.heir.id,
      account: 'guardian-account',
      reason: 'birth date unknown: paid to the guardian',
    };
  }
  return child.age >= ADULT_AGE
    ? {
        childId: child.heir.id,
        account: 'child-account',
        reason: `${child.age} years old: paid to the child`,
      }
    : {
        childId: child.heir.id,
        account: 'guardian-account',
        reason: `${child.age} years old: paid to the guardian`,
      };
}

/** Who the ahli waris are, who receives the cash, and why. */
export function resolveHeirs(input: ResolveHeirsInput): Result<HeirResolution> {
  const context = incidentContext(input.deathDate, 'deathDate');
  if (!context.ok) return context;
  const { ruleSet } = context.value;
  const asOf = parseIsoDate(input.asOfDate, 'asOfDate');
  if (!asOf.ok) return asOf;
  const aged: Aged[] = [];
  const ids = new Set<string>();
  for (const [index, heir] of input.candidates.entries()) {
    const relationship = parseHeirRelationship(
      heir.relationship,
      `candidates[${index}].relationship`,
    );
    if (!relationship.ok) return relationship;
    if (ids.has(heir.id))
      return err(ruleError('INVALID_INPUT', `heir ${heir.id} is listed twice`, 'candidates'));
    ids.add(heir.id);
    let birthDate: IsoDate | null = null;
    if (heir.birthDate !== undefined) {
      const parsed = parseIsoDate(heir.birthDate, `candidates[${index}].birthDate`);
      if (!parsed.ok) return parsed;
      birthDate = parsed.value;
    }
    aged.push({
      heir,
      index,
      birthDate,
      age: birthDate === null ? null : ageOn(birthDate, asOf.value),
    });
  }
  const tiers = ruleSet.heirs;
  const provenance = provenanceOf(tiers);
  const tier = tiers.value.find((candidate) =>
    aged.some((x) => candidate.relationships.includes(x.heir.relationship)),
  );

  if (tier === undefined) {
    const arranger = input.burialArrangedBy ?? null;
    return ok({
      kind: 'no-heir',
      ruleSetId: ruleSet.id,
      provenance,
      tier: 6,
      funeralPayee: arranger,
      otherBenefitsTo: 'social-security-fund',
      reasons: [
        'no heir in tiers 1–5',
        arranger === null
          ? 'the funeral benefit waits for proof of who arranged the burial'
          : `the funeral benefit goes to ${arranger.name}, who arranged the burial`,
        'all other benefits go to the social security fund',
      ],
    });
  }

  const entitled = aged.filter((x) => tier.relationships.includes(x.heir.relationship));
  const notEntitled = aged
    .filter((x) => !tier.relationships.includes(x.heir.relationship))
    .map((x) => ({ heir: x.heir, reason: `a tier-${tier.tier} heir (${tier.name}) exists` }));

  let payee: PayeeChoice;
  if (input.nominatedPayeeId !== undefined) {
    const nominated = entitled.find((x) => x.heir.id === input.nominatedPayeeId);
    if (nominated === undefined) {
      return err(
        ruleError(
          'INVALID_INPUT',
          `nominated payee ${input.nominatedPayeeId} is not an entitled tier-${tier.tier} heir`,
          'nominatedPayeeId',
        ),
      );
    }
    payee = {
      heir: nominated.heir,
      basis: 'nominated',
      reason: `nominated by the heirs among the tier-${tier.tier} heirs`,
      needsGuardian: nominated.age === null ? null : nominated.age < ADULT_AGE,
    };
  } else {
    const first = [...entitled].sort((a, b) => defaultOrder(tier, a, b))[0];
    if (first === undefined) throw new Error('@santunan/rules bug: an existing tier has no heir');
    payee = {
      heir: first.heir,
      basis: 'default-order',
      reason: `first of the tier-${tier.tier} heirs by the platform order (${tier.relationships.join(', ')}; adults, then the eldest)`,
      needsGuardian: first.age === null ? null : first.age < ADULT_AGE,
    };
  }

  const consents = new Set(input.consentsGivenBy ?? []);
  const consentRequiredFrom = entitled
    .filter((x) => x.heir.id !== payee.heir.id)
    .map((x) => x.heir);
  const consentMissingFrom = consentRequiredFrom.filter((heir) => !consents.has(heir.id));
  return ok({
    kind: 'heirs',
    ruleSetId: ruleSet.id,
    provenance,
    tier: tier.tier,
    tierName: tier.name,
    entitled: entitled.map((x) => x.heir),
    notEntitled,
    payee,
    consentRequiredFrom,
    consentMissingFrom,
    payeeStatus: consentMissingFrom.length === 0 ? 'ready' : 'awaiting-consent',
    scholarshipAccounts: entitled
      .filter((x) => x.heir.relationship === 'child')
      .map(scholarshipAccountOf),
    reasons: [
      `tier ${tier.tier} (${tier.name}) is the highest tier with an heir`,
      `${payee.heir.name} receives the cash benefits: ${payee.reason}`,
      consentMissingFrom.length === 0
        ? 'every other entitled heir has consented'
        : `waiting for consent from ${consentMissingFrom.map((heir) => heir.name).join(', ')}`,
    ],
  });
}
