import type { Rupiah } from '../money/rupiah';
import { ruleSetById } from '../rule-sets/registry';
import { oneOf } from '../rule-sets/vocabulary';
import { err, ok, type Result } from '../shared/result';
import { COMPONENT_REGISTRY } from './component-registry';
import {
  COMPONENT_CODES,
  explanationOf,
  type ComponentInputs,
  type Explanation,
  type ExplanationComponent,
} from './explanation';

/** An explanation as read back from storage: plain JSON, nothing trusted. */
export interface StoredExplanation {
  readonly ruleSetId: string;
  readonly components: readonly {
    readonly code: string;
    readonly inputs: ComponentInputs;
    readonly amount?: number;
    readonly legalBasis?: string;
    readonly confidence?: string;
    readonly formula?: string;
  }[];
  readonly total?: number;
}

/**
 * Re-derives every component from its code and inputs under the named rule set alone — stored
 * amounts, formulas and legal bases are ignored — and returns the fresh explanation.
 */
export function recompute(stored: StoredExplanation): Result<Explanation> {
  const ruleSet = ruleSetById(stored.ruleSetId);
  if (!ruleSet.ok) return ruleSet;
  const components: ExplanationComponent[] = [];
  for (const [index, component] of stored.components.entries()) {
    const code = oneOf(
      COMPONENT_CODES,
      component.code,
      `components[${index}].code`,
      'UNKNOWN_COMPONENT',
    );
    if (!code.ok) return code;
    const evaluation = COMPONENT_REGISTRY[code.value].recompute(ruleSet.value, component.inputs);
    if (!evaluation.ok) {
      return err({
        ...evaluation.error,
        message: `components[${index}] (${code.value}): ${evaluation.error.message}`,
      });
    }
    const { amount, formula, provenance } = evaluation.value;
    components.push({
      code: code.value,
      legalBasis: provenance.legalBasis,
      confidence: provenance.confidence,
      formula,
      inputs: component.inputs,
      amount,
    });
  }
  return explanationOf(ruleSet.value.id, components);
}

export interface ExplanationMismatch {
  /** Component index, or 'total'. */
  readonly at: number | 'total';
  readonly code: string;
  readonly stored: number | undefined;
  readonly recomputed: Rupiah;
}

export type ExplanationCheck =
  | { readonly kind: 'match'; readonly total: Rupiah }
  | {
      readonly kind: 'mismatch';
      readonly mismatches: readonly ExplanationMismatch[];
      readonly recomputed: Explanation;
    };

/** Recomputes and compares every stored amount and the total: the auditor's check. */
export function verifyExplanation(stored: StoredExplanation): Result<ExplanationCheck> {
  const fresh = recompute(stored);
  if (!fresh.ok) return fresh;
  const mismatches: ExplanationMismatch[] = [];
  fresh.value.components.forEach((component, index) => {
    const storedAmount = stored.components[index]?.amount;
    if (storedAmount !== component.amount) {
      mismatches.push({
        at: index,
        code: component.code,
        stored: storedAmount,
        recomputed: component.amount,
      });
    }
  });
  if (stored.total !== fresh.value.total) {
    mismatches.push({
      at: 'total',
      code: 'TOTAL',
      stored: stored.total,
      recomputed: fresh.value.total,
    });
  }
  return ok(
    mismatches.length === 0
      ? { kind: 'match', total: fresh.value.total }
      : { kind: 'mismatch', mismatches, recomputed: fresh.value },
  );
}
