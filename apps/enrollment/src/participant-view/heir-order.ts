import { resolveHeirs, ruleSetInForce, type HeirRelationship } from '@santunan/rules';

/** One designated heir as the projection keeps it (personal fields already opened or masked). */
interface DesignatedHeir {
  readonly heirId: string;
  readonly relationship: string;
  readonly birthDate?: string;
}

/** Where each heir stands in the ahli waris order, and who would receive the cash. */
export interface HeirOrder {
  /** The rule set whose tiers apply: in force on the date of death, or today while alive. */
  readonly ruleSetId: string;
  /** The highest tier with a member: its heirs share the entitlement (null: no heir in 1–5). */
  readonly entitledTier: number | null;
  /** The heir the platform pays by its default order, unless the heirs nominate another at the claim. */
  readonly payeeHeirId: string | null;
  readonly heirs: readonly {
    readonly heirId: string;
    readonly tier: number | null;
    readonly entitled: boolean;
  }[];
}

function designated(value: unknown): DesignatedHeir | null {
  if (typeof value !== 'object' || value === null) return null;
  const { heirId, relationship, birthDate } = value as Record<string, unknown>;
  if (typeof heirId !== 'string' || typeof relationship !== 'string') return null;
  return { heirId, relationship, ...(typeof birthDate === 'string' ? { birthDate } : {}) };
}

/**
 * The ahli waris order (PP 82/2019, as the rule sets hold it) applied to the designated heirs,
 * on the date of death or, while the participant lives, today: what a death claim would find.
 * The claims service decides the real payee at the claim (a nomination with the others'
 * consent can change it); this shows the officer who would be paid as things stand.
 */
export function heirOrderOf(heirs: readonly unknown[], asOf: string): HeirOrder | null {
  const ruleSet = ruleSetInForce(asOf);
  if (!ruleSet.ok) return null;
  const list = heirs.map(designated).filter((heir): heir is DesignatedHeir => heir !== null);
  const tierOf = (relationship: string): number | null =>
    ruleSet.value.heirs.value.find((tier) =>
      tier.relationships.includes(relationship as HeirRelationship),
    )?.tier ?? null;
  const resolution = resolveHeirs({
    deathDate: asOf,
    asOfDate: asOf,
    candidates: list.map((heir) => ({
      id: heir.heirId,
      name: heir.heirId,
      relationship: heir.relationship as HeirRelationship,
      ...(heir.birthDate === undefined ? {} : { birthDate: heir.birthDate }),
    })),
  });
  if (!resolution.ok) return null;
  const result = resolution.value;
  const entitled = new Set(result.kind === 'heirs' ? result.entitled.map((heir) => heir.id) : []);
  return {
    ruleSetId: result.ruleSetId,
    entitledTier: result.kind === 'heirs' ? result.tier : null,
    payeeHeirId: result.kind === 'heirs' ? result.payee.heir.id : null,
    heirs: list.map((heir) => ({
      heirId: heir.heirId,
      tier: tierOf(heir.relationship),
      entitled: entitled.has(heir.heirId),
    })),
  };
}
