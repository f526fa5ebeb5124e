import { explanationOf, mergeExplanations, type Explanation } from '../explanation/explanation';
import { incidentContext } from '../rule-sets/incident-rule-set';
import type { AssistiveDevice, Segment, TransportMode } from '../rule-sets/vocabulary';
import type { ScholarshipEntitlement } from '../scholarship/entitlement';
import { collect, err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { jkkTotalPermanentDisability } from './ctt';
import { jkkDeathBenefit } from './death';
import { jkkPartialAnatomicalDisability, jkkPartialFunctionalDisability } from './disability';
import { jkkHomeCare } from './home-care';
import { jkkMedicalCare } from './medical-care';
import { jkkAssistiveDevice, jkkOrthosisProsthesis } from './rehabilitation-aids';
import { jkkStmb } from './stmb';
import { jkkTransport } from './transport';

/** One benefit asked for in a JKK claim (stage II), as plain data. */
export type JkkBenefitRequest =
  | { readonly kind: 'medical-care'; readonly claimedAmount: number }
  | {
      readonly kind: 'home-care';
      readonly careStartDate: string;
      readonly costs: readonly { readonly date: string; readonly amount: number }[];
    }
  | {
      readonly kind: 'transport';
      readonly legs: readonly { readonly mode: TransportMode; readonly amount: number }[];
    }
  | { readonly kind: 'stmb'; readonly months: number; readonly extraDays?: number }
  | { readonly kind: 'partial-anatomical-disability'; readonly tablePercent: number }
  | {
      readonly kind: 'partial-functional-disability';
      readonly lossOfFunctionPercent: number;
      readonly tablePercent: number;
    }
  | { readonly kind: 'total-permanent-disability' }
  | { readonly kind: 'death' }
  | { readonly kind: 'orthosis-prosthesis'; readonly price: number }
  | {
      readonly kind: 'assistive-device';
      readonly device: AssistiveDevice;
      readonly claimedAmount: number;
    };

export interface JkkClaimInput {
  readonly incidentDate: string;
  readonly segment: Segment;
  readonly wage: number;
  readonly benefits: readonly JkkBenefitRequest[];
}

export interface JkkClaimAssessment {
  /** All amounts of the claim under one rule set: store it in the decision event. */
  readonly explanation: Explanation;
  /** From a death or CTT request; null when neither was asked for. */
  readonly scholarship: ScholarshipEntitlement | null;
}

interface Assessed {
  readonly explanation: Explanation;
  readonly scholarship: ScholarshipEntitlement | null;
}

function plain(result: Result<Explanation>): Result<Assessed> {
  return result.ok ? ok({ explanation: result.value, scholarship: null }) : result;
}

function assessOne(claim: JkkClaimInput, request: JkkBenefitRequest): Result<Assessed> {
  const { incidentDate, segment, wage } = claim;
  switch (request.kind) {
    case 'medical-care':
      return plain(jkkMedicalCare({ incidentDate, claimedAmount: request.claimedAmount }));
    case 'home-care':
      return plain(
        jkkHomeCare({ incidentDate, careStartDate: request.careStartDate, costs: request.costs }),
      );
    case 'transport':
      return plain(jkkTransport({ incidentDate, legs: request.legs }));
    case 'stmb':
      return plain(
        jkkStmb({
          incidentDate,
          segment,
          wage,
          months: request.months,
          extraDays: request.extraDays ?? 0,
        }),
      );
    case 'partial-anatomical-disability':
      return plain(
        jkkPartialAnatomicalDisability({
          incidentDate,
          segment,
          wage,
          tablePercent: request.tablePercent,
        }),
      );
    case 'partial-functional-disability':
      return plain(
        jkkPartialFunctionalDisability({
          incidentDate,
          segment,
          wage,
          lossOfFunctionPercent: request.lossOfFunctionPercent,
          tablePercent: request.tablePercent,
        }),
      );
    case 'total-permanent-disability':
      return jkkTotalPermanentDisability({ incidentDate, segment, wage });
    case 'death':
      return jkkDeathBenefit({ incidentDate, segment, wage });
    case 'orthosis-prosthesis':
      return plain(jkkOrthosisProsthesis({ incidentDate, price: request.price }));
    case 'assistive-device':
      return plain(
        jkkAssistiveDevice({
          incidentDate,
          device: request.device,
          claimedAmount: request.claimedAmount,
        }),
      );
    default: {
      const _exhaustive: never = request;
      return _exhaustive;
    }
  }
}

const ONCE_PER_CLAIM: readonly JkkBenefitRequest['kind'][] = [
  'stmb',
  'total-permanent-disability',
  'death',
];

/**
 * STMB months count from the first month, so one request covers the whole period; a claim
 * pays a death or a CTT, not both (and each carries the scholarship once).
 */
function checkRequests(benefits: readonly JkkBenefitRequest[]): Result<true> {
  for (const kind of ONCE_PER_CLAIM) {
    if (benefits.filter((request) => request.kind === kind).length > 1) {
      return err(ruleError('INVALID_INPUT', `a claim may ask for ${kind} once`, 'benefits'));
    }
  }
  const kinds = benefits.map((request) => request.kind);
  if (kinds.includes('death') && kinds.includes('total-permanent-disability')) {
    return err(
      ruleError(
        'INVALID_INPUT',
        'a claim asks for death or total permanent disability, not both',
        'benefits',
      ),
    );
  }
  return ok(true);
}

/** Every benefit of one JKK claim, assessed under the incident date's rule set, as one explanation. */
export function assessJkkClaim(claim: JkkClaimInput): Result<JkkClaimAssessment> {
  const context = incidentContext(claim.incidentDate);
  if (!context.ok) return context;
  const checked = checkRequests(claim.benefits);
  if (!checked.ok) return checked;
  const assessed = collect(claim.benefits.map((request) => assessOne(claim, request)));
  if (!assessed.ok) return assessed;
  const [first, ...rest] = assessed.value.map((item) => item.explanation);
  const explanation =
    first === undefined
      ? explanationOf(context.value.ruleSet.id, [])
      : mergeExplanations(first, ...rest);
  if (!explanation.ok) return explanation;
  const scholarship = assessed.value.find((item) => item.scholarship !== null)?.scholarship ?? null;
  return ok({ explanation: explanation.value, scholarship });
}
