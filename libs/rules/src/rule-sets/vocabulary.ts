import { err, ok, type Result } from '../shared/result';
import { ruleError, type RuleErrorCode } from '../shared/rule-error';

/** PU: wage earner (Penerima Upah). BPU: non-wage earner (Bukan Penerima Upah). */
export const SEGMENTS = ['pu', 'bpu'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** PU work-accident risk classes (kelompok tingkat risiko) I–V. */
export const RISK_CLASSES = [1, 2, 3, 4, 5] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** Who pays a BPU contribution: the participant, the national or a regional budget, another sponsor. */
export const PAYER_TYPES = ['self', 'apbn', 'apbd', 'other-sponsor'] as const;
export type PayerType = (typeof PAYER_TYPES)[number];

/** Only the distinction PP 50/2025 needs. */
export const BPU_SECTORS = ['transport', 'other'] as const;
export type BpuSector = (typeof BPU_SECTORS)[number];

export const TRANSPORT_MODES = ['land', 'river', 'sea', 'air'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export const ASSISTIVE_DEVICES = ['dentures', 'hearing-aid', 'glasses'] as const;
export type AssistiveDevice = (typeof ASSISTIVE_DEVICES)[number];

/** Scholarship levels; PT = university up to S1, or vocational training. */
export const SCHOLARSHIP_LEVELS = ['TK-SD', 'SMP', 'SMA', 'PT'] as const;
export type ScholarshipLevel = (typeof SCHOLARSHIP_LEVELS)[number];

/** Why a scholarship is owed: JKK death or CTT (no masa iur minimum), or JKM death. */
export const SCHOLARSHIP_ROUTES = ['jkk-death', 'jkk-ctt', 'jkm-death'] as const;
export type ScholarshipRoute = (typeof SCHOLARSHIP_ROUTES)[number];

export const BENEFIT_PROGRAMS = ['jkk', 'jkm'] as const;
export type BenefitProgram = (typeof BENEFIT_PROGRAMS)[number];

/** Checks a value from plain data (an HTTP body, a stored event) against a closed vocabulary. */
export function oneOf<T extends string | number>(
  values: readonly T[],
  value: unknown,
  field: string,
  code: RuleErrorCode = 'UNKNOWN_VALUE',
): Result<T> {
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) {
    return err(
      ruleError(code, `${field} must be one of ${values.join(', ')} (got ${String(value)})`, field),
    );
  }
  return ok(found);
}

export const parseSegment = (value: unknown, field = 'segment'): Result<Segment> =>
  oneOf(SEGMENTS, value, field);
export const parseRiskClass = (value: unknown, field = 'riskClass'): Result<RiskClass> =>
  oneOf(RISK_CLASSES, value, field, 'UNKNOWN_RISK_CLASS');
export const parsePayerType = (value: unknown, field = 'payer'): Result<PayerType> =>
  oneOf(PAYER_TYPES, value, field);
export const parseBpuSector = (value: unknown, field = 'sector'): Result<BpuSector> =>
  oneOf(BPU_SECTORS, value, field);
export const parseTransportMode = (value: unknown, field = 'mode'): Result<TransportMode> =>
  oneOf(TRANSPORT_MODES, value, field);
export const parseAssistiveDevice = (value: unknown, field = 'device'): Result<AssistiveDevice> =>
  oneOf(ASSISTIVE_DEVICES, value, field);
export const parseScholarshipLevel = (value: unknown, field = 'level'): Result<ScholarshipLevel> =>
  oneOf(SCHOLARSHIP_LEVELS, value, field, 'UNKNOWN_LEVEL');
export const parseScholarshipRoute = (value: unknown, field = 'route'): Result<ScholarshipRoute> =>
  oneOf(SCHOLARSHIP_ROUTES, value, field);
export const parseBenefitProgram = (value: unknown, field = 'program'): Result<BenefitProgram> =>
  oneOf(BENEFIT_PROGRAMS, value, field);
