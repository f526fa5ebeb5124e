import { computeComponent, defineComponent } from '../explanation/component-rule';
import { oneOfInput, recordInput, rupiahInput } from '../explanation/decoders';
import { explanationOf, type Explanation } from '../explanation/explanation';
import { floorToRupiah, plus, share, times, whole } from '../money/exact';
import { formatBasisPoints, FULL_SHARE, bp } from '../money/percentage';
import { formatRupiah, minRupiah, parseRupiah } from '../money/rupiah';
import { incidentContext } from '../rule-sets/incident-rule-set';
import {
  ASSISTIVE_DEVICES,
  parseAssistiveDevice,
  type AssistiveDevice,
} from '../rule-sets/vocabulary';
import { ok, type Result } from '../shared/result';
import { provenanceOf } from '../shared/sourced';

/** Orthoses and prostheses: the rehabilitation-centre price plus the set's surcharge (40%). */
export const jkkOrthosisProsthesisRule = defineComponent(
  'JKK_ORTHOSIS_PROSTHESIS',
  recordInput({ price: rupiahInput }),
  (ruleSet, input) => {
    const surcharge = ruleSet.jkk.orthosisSurcharge;
    const amount = floorToRupiah(
      times(whole(input.price), plus(share(bp(FULL_SHARE)), share(surcharge.value))),
      'orthosis/prosthesis',
    );
    if (!amount.ok) return amount;
    return ok({
      amount: amount.value,
      formula: `${formatRupiah(input.price)} × (100% + ${formatBasisPoints(surcharge.value)}), rounded down`,
      provenance: provenanceOf(surcharge),
    });
  },
);

/** Dentures, hearing aids, glasses: the claimed cost up to the device's cap (caps are L data). */
export const jkkAssistiveDeviceRule = defineComponent(
  'JKK_ASSISTIVE_DEVICE',
  recordInput({ device: oneOfInput(ASSISTIVE_DEVICES), claimedAmount: rupiahInput }),
  (ruleSet, input) => {
    const caps = ruleSet.jkk.assistiveDeviceCaps;
    const cap = caps.value[input.device];
    return ok({
      amount: minRupiah(input.claimedAmount, cap),
      formula: `min(${formatRupiah(input.claimedAmount)} claimed for ${input.device}, cap ${formatRupiah(cap)})`,
      provenance: provenanceOf(caps),
    });
  },
);

export interface JkkOrthosisProsthesisInput {
  readonly incidentDate: string;
  /** The rehabilitation centre's price. */
  readonly price: number;
}

export function jkkOrthosisProsthesis(input: JkkOrthosisProsthesisInput): Result<Explanation> {
  const context = incidentContext(input.incidentDate);
  if (!context.ok) return context;
  const price = parseRupiah(input.price, 'price');
  if (!price.ok) return price;
  const component = computeComponent(jkkOrthosisProsthesisRule, context.value.ruleSet, {
    price: price.value,
  });
  return component.ok ? explanationOf(context.value.ruleSet.id, [component.value]) : component;
}

export interface JkkAssistiveDeviceInput {
  readonly incidentDate: string;
  readonly device: AssistiveDevice;
  readonly claimedAmount: number;
}

export function jkkAssistiveDevice(input: JkkAssistiveDeviceInput): Result<Explanation> {
  const context = incidentContext(input.incidentDate);
  if (!context.ok) return context;
  const device = parseAssistiveDevice(input.device);
  if (!device.ok) return device;
  const claimed = parseRupiah(input.claimedAmount, 'claimedAmount');
  if (!claimed.ok) return claimed;
  const component = computeComponent(jkkAssistiveDeviceRule, context.value.ruleSet, {
    device: device.value,
    claimedAmount: claimed.value,
  });
  return component.ok ? explanationOf(context.value.ruleSet.id, [component.value]) : component;
}
