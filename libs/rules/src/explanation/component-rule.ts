import type { Rupiah } from '../money/rupiah';
import type { RuleSet } from '../rule-sets/rule-set';
import type { Result } from '../shared/result';
import type { Provenance } from '../shared/sourced';
import type { Decoder } from './decoders';
import type { ComponentCode, ComponentInputs, ExplanationComponent } from './explanation';

export interface Evaluation {
  readonly amount: Rupiah;
  readonly formula: string;
  readonly provenance: Provenance;
}

/**
 * How one kind of amount is computed. Calculators and `recompute` both go through
 * `evaluate`, so a stored explanation is re-derived by exactly the code that produced it.
 */
export interface ComponentRule<C extends ComponentCode, I extends ComponentInputs> {
  readonly code: C;
  readonly decode: Decoder<I>;
  readonly evaluate: (ruleSet: RuleSet, input: I) => Result<Evaluation>;
}

export function defineComponent<C extends ComponentCode, I extends ComponentInputs>(
  code: C,
  decode: Decoder<I>,
  evaluate: (ruleSet: RuleSet, input: I) => Result<Evaluation>,
): ComponentRule<C, I> {
  return { code, decode, evaluate };
}

export function computeComponent<C extends ComponentCode, I extends ComponentInputs>(
  rule: ComponentRule<C, I>,
  ruleSet: RuleSet,
  input: I,
): Result<ExplanationComponent> {
  const evaluation = rule.evaluate(ruleSet, input);
  if (!evaluation.ok) return evaluation;
  const { amount, formula, provenance } = evaluation.value;
  return {
    ok: true,
    value: {
      code: rule.code,
      legalBasis: provenance.legalBasis,
      confidence: provenance.confidence,
      formula,
      inputs: input,
      amount,
    },
  };
}

/** A rule with its input type hidden, for the registry `recompute` dispatches on. */
export interface RecomputableRule<C extends ComponentCode = ComponentCode> {
  readonly code: C;
  readonly recompute: (ruleSet: RuleSet, inputs: ComponentInputs) => Result<Evaluation>;
}

export function recomputable<C extends ComponentCode, I extends ComponentInputs>(
  rule: ComponentRule<C, I>,
): RecomputableRule<C> {
  return {
    code: rule.code,
    recompute: (ruleSet, inputs) => {
      const decoded = rule.decode(inputs, 'inputs');
      return decoded.ok ? rule.evaluate(ruleSet, decoded.value) : decoded;
    },
  };
}
