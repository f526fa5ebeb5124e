import { computeComponent, defineComponent } from '../explanation/component-rule';
import { oneOfInput, recordInput, rupiahInput } from '../explanation/decoders';
import {
  explanationOf,
  type Explanation,
  type ExplanationComponent,
} from '../explanation/explanation';
import { formatRupiah, minRupiah, parseRupiah, sumRupiah, type Rupiah } from '../money/rupiah';
import { incidentContext } from '../rule-sets/incident-rule-set';
import { parseTransportMode, TRANSPORT_MODES, type TransportMode } from '../rule-sets/vocabulary';
import { ok, type Result } from '../shared/result';
import { provenanceOf } from '../shared/sourced';

/** Transport costs for one mode, capped by that mode's own cap. */
export const jkkTransportRule = defineComponent(
  'JKK_TRANSPORT',
  recordInput({ mode: oneOfInput(TRANSPORT_MODES), claimedAmount: rupiahInput }),
  (ruleSet, input) => {
    const caps = ruleSet.jkk.transportCaps;
    const cap = caps.value[input.mode];
    return ok({
      amount: minRupiah(input.claimedAmount, cap),
      formula: `min(${formatRupiah(input.claimedAmount)} claimed for ${input.mode} transport, cap ${formatRupiah(cap)})`,
      provenance: provenanceOf(caps),
    });
  },
);

export interface JkkTransportInput {
  readonly incidentDate: string;
  /** Every leg claimed; legs of the same mode share that mode's cap. */
  readonly legs: readonly { readonly mode: TransportMode; readonly amount: number }[];
}

export function jkkTransport(input: JkkTransportInput): Result<Explanation> {
  const context = incidentContext(input.incidentDate);
  if (!context.ok) return context;
  const byMode = new Map<TransportMode, Rupiah[]>();
  for (const [index, leg] of input.legs.entries()) {
    const mode = parseTransportMode(leg.mode, `legs[${index}].mode`);
    if (!mode.ok) return mode;
    const amount = parseRupiah(leg.amount, `legs[${index}].amount`);
    if (!amount.ok) return amount;
    byMode.set(mode.value, [...(byMode.get(mode.value) ?? []), amount.value]);
  }
  const components: ExplanationComponent[] = [];
  for (const mode of TRANSPORT_MODES) {
    const amounts = byMode.get(mode);
    if (amounts === undefined) continue;
    const claimed = sumRupiah(amounts, `${mode} transport`);
    if (!claimed.ok) return claimed;
    const component = computeComponent(jkkTransportRule, context.value.ruleSet, {
      mode,
      claimedAmount: claimed.value,
    });
    if (!component.ok) return component;
    components.push(component.value);
  }
  return explanationOf(context.value.ruleSet.id, components);
}
