import { sumRupiah, type Rupiah } from '../money/rupiah';
import type { RuleSetId } from '../rule-sets/rule-set';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import type { Confidence } from '../shared/sourced';

/** JSON values only, so an explanation survives being stored in an event and read back. */
export type ComponentInputValue =
  | string
  | number
  | boolean
  | null
  | readonly ComponentInputValue[]
  | { readonly [key: string]: ComponentInputValue };

export type ComponentInputs = { readonly [key: string]: ComponentInputValue };

/** Stored in decision events: never rename a code, only add. */
export const COMPONENT_CODES = [
  'BPU_JKK_CONTRIBUTION',
  'BPU_JKM_CONTRIBUTION',
  'PU_JKK_CONTRIBUTION',
  'PU_JKM_CONTRIBUTION',
  'PU_JKK_RELIEF_CONTRIBUTION',
  'PU_JKM_RELIEF_CONTRIBUTION',
  'PU_ALLOCATION_JKK',
  'PU_ALLOCATION_JKP_FROM_JKK',
  'PU_ALLOCATION_JKP_FROM_JKM',
  'PU_ALLOCATION_JKM',
  'PU_LATE_FEE',
  'JKK_MEDICAL_CARE',
  'JKK_HOME_CARE',
  'JKK_TRANSPORT',
  'JKK_STMB',
  'JKK_PARTIAL_ANATOMICAL_DISABILITY',
  'JKK_PARTIAL_FUNCTIONAL_DISABILITY',
  'JKK_CTT_LUMP_SUM',
  'JKK_CTT_PERIODIC',
  'JKK_DEATH_LUMP_SUM',
  'JKK_DEATH_PERIODIC',
  'JKK_FUNERAL',
  'JKK_ORTHOSIS_PROSTHESIS',
  'JKK_ASSISTIVE_DEVICE',
  'JKM_LUMP_SUM',
  'JKM_PERIODIC',
  'JKM_FUNERAL',
  'JKM_BPU_EARLY_DEATH',
  'SCHOLARSHIP_FLAT',
  'SCHOLARSHIP_INSTALMENT',
  'LATE_PAYMENT_COMPENSATION',
] as const;
export type ComponentCode = (typeof COMPONENT_CODES)[number];

/** One amount of a decision, with everything needed to re-derive it. */
export interface ExplanationComponent {
  readonly code: ComponentCode;
  readonly legalBasis: string;
  readonly confidence: Confidence;
  /** The calculation in words and numbers, for a person reading the decision. */
  readonly formula: string;
  /** Exactly what `recompute` needs, together with the rule set, to get `amount` again. */
  readonly inputs: ComponentInputs;
  readonly amount: Rupiah;
}

export const EXPLANATION_SCHEMA_VERSION = 1;

export interface Explanation {
  readonly schemaVersion: typeof EXPLANATION_SCHEMA_VERSION;
  /** The rule set every component was computed under. */
  readonly ruleSetId: RuleSetId;
  readonly components: readonly ExplanationComponent[];
  readonly total: Rupiah;
}

export function explanationOf(
  ruleSetId: RuleSetId,
  components: readonly ExplanationComponent[],
): Result<Explanation> {
  const total = sumRupiah(
    components.map((component) => component.amount),
    'total',
  );
  if (!total.ok) return total;
  return ok({
    schemaVersion: EXPLANATION_SCHEMA_VERSION,
    ruleSetId,
    components,
    total: total.value,
  });
}

/** One decision over several benefits of the same claim; they must share the rule set. */
export function mergeExplanations(
  first: Explanation,
  ...rest: readonly Explanation[]
): Result<Explanation> {
  const other = rest.find((explanation) => explanation.ruleSetId !== first.ruleSetId);
  if (other !== undefined) {
    return err(
      ruleError(
        'MIXED_RULE_SETS',
        `cannot merge explanations under ${first.ruleSetId} and ${other.ruleSetId}`,
      ),
    );
  }
  return explanationOf(
    first.ruleSetId,
    [first, ...rest].flatMap((explanation) => explanation.components),
  );
}
