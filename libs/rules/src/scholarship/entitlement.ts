import { defineComponent } from '../explanation/component-rule';
import { countInput, nullableInput, oneOfInput, recordInput } from '../explanation/decoders';
import { formatRupiah, type Rupiah } from '../money/rupiah';
import { incidentContext } from '../rule-sets/incident-rule-set';
import type { RuleSet, RuleSetId } from '../rule-sets/rule-set';
import {
  parseScholarshipRoute,
  SCHOLARSHIP_ROUTES,
  type ScholarshipRoute,
} from '../rule-sets/vocabulary';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { provenanceOf, type Provenance } from '../shared/sourced';

export type NoScholarshipReason = 'MASA_IUR_TOO_SHORT' | 'BPU_EARLY_DEATH';

/** What a death or CTT gives by way of scholarship, under the incident's rule set. */
export type ScholarshipEntitlement =
  | { readonly kind: 'none'; readonly reason: NoScholarshipReason; readonly message: string }
  /** PP 44/2015: one flat amount, paid with the benefit as a SCHOLARSHIP_FLAT component. */
  | {
      readonly kind: 'flat-once';
      readonly route: ScholarshipRoute;
      readonly amount: Rupiah;
      readonly provenance: Provenance;
    }
  /** PP 82/2019 on: yearly instalments per registered child, applied for each year. */
  | {
      readonly kind: 'yearly-by-level';
      readonly route: ScholarshipRoute;
      readonly maxChildren: number;
      readonly perChildMax: Rupiah;
      readonly provenance: Provenance;
    };

/** JKK death or CTT: no masa iur minimum. JKM death: masa iur of at least the set's minimum. */
export function scholarshipEntitlementUnder(
  ruleSet: RuleSet,
  route: ScholarshipRoute,
  masaIurMonths: number | null,
): Result<ScholarshipEntitlement> {
  const scheme = ruleSet.scholarship;
  if (route === 'jkm-death') {
    if (masaIurMonths === null) {
      return err(
        ruleError(
          'INVALID_INPUT',
          'masaIurMonths is needed for a JKM scholarship',
          'masaIurMonths',
        ),
      );
    }
    const minimum = scheme.jkmMinMasaIurMonths.value;
    if (masaIurMonths < minimum) {
      return ok({
        kind: 'none',
        reason: 'MASA_IUR_TOO_SHORT',
        message: `masa iur of ${masaIurMonths} months is under the ${minimum} months ${ruleSet.id} requires for a JKM scholarship`,
      });
    }
  }
  const masaIurSource = route === 'jkm-death' ? [scheme.jkmMinMasaIurMonths] : [];
  switch (scheme.kind) {
    case 'flat-once':
      return ok({
        kind: 'flat-once',
        route,
        amount: scheme.amount.value,
        provenance: provenanceOf(scheme.amount, ...masaIurSource),
      });
    case 'yearly-by-level':
      return ok({
        kind: 'yearly-by-level',
        route,
        maxChildren: scheme.maxChildren.value,
        perChildMax: scheme.perChildMax.value,
        provenance: provenanceOf(
          scheme.levels,
          scheme.perChildMax,
          scheme.maxChildren,
          ...masaIurSource,
        ),
      });
    default: {
      const _exhaustive: never = scheme;
      return _exhaustive;
    }
  }
}

/** The flat PP 44/2015 scholarship, as a component of the death or CTT benefit. */
export const flatScholarshipRule = defineComponent(
  'SCHOLARSHIP_FLAT',
  recordInput({ route: oneOfInput(SCHOLARSHIP_ROUTES), masaIurMonths: nullableInput(countInput) }),
  (ruleSet, input) => {
    const entitlement = scholarshipEntitlementUnder(ruleSet, input.route, input.masaIurMonths);
    if (!entitlement.ok) return entitlement;
    if (entitlement.value.kind !== 'flat-once') {
      return err(
        ruleError(
          'COMPONENT_NOT_APPLICABLE',
          `${ruleSet.id} gives no flat scholarship for ${input.route}`,
        ),
      );
    }
    return ok({
      amount: entitlement.value.amount,
      formula: `${formatRupiah(entitlement.value.amount)} flat education scholarship (${input.route})`,
      provenance: entitlement.value.provenance,
    });
  },
);

export interface ScholarshipEntitlementInput {
  readonly route: ScholarshipRoute;
  /** The death, accident or diagnosis date. */
  readonly incidentDate: string;
  /** Distinct paid months (see `masaIurMonths`); needed for the JKM route. */
  readonly masaIurMonths?: number;
}

export function scholarshipEntitlement(
  input: ScholarshipEntitlementInput,
): Result<{ readonly ruleSetId: RuleSetId; readonly entitlement: ScholarshipEntitlement }> {
  const context = incidentContext(input.incidentDate);
  if (!context.ok) return context;
  const route = parseScholarshipRoute(input.route);
  if (!route.ok) return route;
  let masaIur: number | null = null;
  if (input.masaIurMonths !== undefined) {
    const parsed = countInput(input.masaIurMonths, 'masaIurMonths');
    if (!parsed.ok) return parsed;
    masaIur = parsed.value;
  }
  const entitlement = scholarshipEntitlementUnder(context.value.ruleSet, route.value, masaIur);
  return entitlement.ok
    ? ok({ ruleSetId: context.value.ruleSet.id, entitlement: entitlement.value })
    : entitlement;
}
