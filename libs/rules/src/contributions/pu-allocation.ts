import type { YearMonth } from '../calendar/year-month';
import { defineComponent } from '../explanation/component-rule';
import {
  booleanInput,
  nullableInput,
  oneOfInput,
  recordInput,
  rupiahInput,
  yearMonthInput,
} from '../explanation/decoders';
import { halfUpToRupiah, share, times, whole } from '../money/exact';
import { formatBasisPoints } from '../money/percentage';
import { formatRupiah, minRupiah, parseRupiah, ZERO_RUPIAH, type Rupiah } from '../money/rupiah';
import type { JkpAllocation, RuleSet } from '../rule-sets/rule-set';
import { RISK_CLASSES } from '../rule-sets/vocabulary';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';
import { provenanceOf } from '../shared/sourced';
import { billedUnder } from './contribution-month';
import { puJkkBill, puJkmBill, type PuBillPart } from './pu-contribution';
import { puReliefFor } from './pu-relief';

export type NoJkpAllocationReason =
  | 'NO_ALLOCATION_IN_RULE_SET'
  | 'NOT_A_JKP_PARTICIPANT'
  | 'EMPLOYER_IN_ARREARS';

export type JkpAllocationDecision =
  | { readonly applies: true; readonly allocation: JkpAllocation }
  | { readonly applies: false; readonly reason: NoJkpAllocationReason };

/**
 * Whether part of a worker's PU bill goes to JKP: only under a set with an allocation, only for
 * a JKP participant, and (named policy, M) not while the employer is in arrears.
 */
export function jkpAllocationFor(
  ruleSet: RuleSet,
  jkpParticipant: boolean,
  employerInArrears: boolean,
): JkpAllocationDecision {
  const allocation = ruleSet.contributions.pu.jkpAllocation;
  if (allocation === null) return { applies: false, reason: 'NO_ALLOCATION_IN_RULE_SET' };
  if (!jkpParticipant) return { applies: false, reason: 'NOT_A_JKP_PARTICIPANT' };
  if (employerInArrears && allocation.notForEmployersInArrears.value) {
    return { applies: false, reason: 'EMPLOYER_IN_ARREARS' };
  }
  return { applies: true, allocation };
}

type Program = 'jkk' | 'jkm';
const FROM = { jkk: 'fromJkk', jkm: 'fromJkm' } as const;
const NAME = { jkk: 'JKK', jkm: 'JKM' } as const;

interface WorkerFacts {
  readonly contributionMonth: YearMonth;
  readonly wage: Rupiah;
  readonly jkpParticipant: boolean;
  readonly employerInArrears: boolean;
}

/** The share of the JKK or JKM contribution that goes to JKP, on the capped wage; 0 when none. */
function jkpShare(ruleSet: RuleSet, program: Program, facts: WorkerFacts): Result<PuBillPart> {
  const billed = billedUnder(ruleSet, facts.contributionMonth);
  if (!billed.ok) return billed;
  const allocation = ruleSet.contributions.pu.jkpAllocation;
  if (allocation === null) {
    return err(
      ruleError('COMPONENT_NOT_APPLICABLE', `${ruleSet.id} allocates nothing to JKP`, 'ruleSetId'),
    );
  }
  const rate = allocation[FROM[program]];
  const decision = jkpAllocationFor(ruleSet, facts.jkpParticipant, facts.employerInArrears);
  if (!decision.applies) {
    const why =
      decision.reason === 'EMPLOYER_IN_ARREARS'
        ? 'the employer is in arrears'
        : 'the worker is not a JKP participant';
    return ok({
      amount: ZERO_RUPIAH,
      formula: `nothing from ${NAME[program]} to JKP: ${why}`,
      provenance:
        decision.reason === 'EMPLOYER_IN_ARREARS'
          ? provenanceOf(rate, allocation.notForEmployersInArrears)
          : provenanceOf(rate),
    });
  }
  const cap = allocation.wageCap.value;
  const base = cap === null ? facts.wage : minRupiah(facts.wage, cap);
  const amount = halfUpToRupiah(times(whole(base), share(rate.value)), 'JKP share');
  if (!amount.ok) return amount;
  const capped =
    base < facts.wage
      ? ` (the wage ${formatRupiah(facts.wage)} capped at the JKP wage cap ${formatRupiah(base)})`
      : '';
  return ok({
    amount: amount.value,
    formula: `${formatBasisPoints(rate.value)} × ${formatRupiah(base)}${capped}, rounded half up`,
    provenance: provenanceOf(rate, allocation.wageCap),
  });
}

/** What JKK or JKM keeps: its whole bill less its JKP share, so the parts always sum to the bill. */
function fundPart(
  ruleSet: RuleSet,
  program: Program,
  bill: Result<PuBillPart>,
  facts: WorkerFacts,
): Result<PuBillPart> {
  if (!bill.ok) return bill;
  const name = NAME[program];
  if (ruleSet.contributions.pu.jkpAllocation === null) {
    return ok({
      amount: bill.value.amount,
      formula: `the whole ${name} contribution ${formatRupiah(bill.value.amount)} (${bill.value.formula}); ${ruleSet.id} allocates nothing to JKP`,
      provenance: bill.value.provenance,
    });
  }
  const jkp = jkpShare(ruleSet, program, facts);
  if (!jkp.ok) return jkp;
  const kept = parseRupiah(bill.value.amount - jkp.value.amount, `${name} part`);
  if (!kept.ok) return kept;
  return ok({
    amount: kept.value,
    formula: `${name} contribution ${formatRupiah(bill.value.amount)} (${bill.value.formula}) − ${formatRupiah(jkp.value.amount)} to JKP`,
    provenance: provenanceOf(bill.value.provenance, jkp.value.provenance),
  });
}

const workerFields = {
  contributionMonth: yearMonthInput,
  wage: rupiahInput,
  jkpParticipant: booleanInput,
  employerInArrears: booleanInput,
};
const billFields = {
  ...workerFields,
  employerPaidThrough: nullableInput(yearMonthInput),
};

function reliefOf(
  ruleSet: RuleSet,
  month: YearMonth,
  employerPaidThrough: YearMonth | null,
): Result<ReturnType<typeof puReliefFor>> {
  const billed = billedUnder(ruleSet, month);
  return billed.ok ? ok(puReliefFor(month, employerPaidThrough)) : billed;
}

export const puAllocationJkkRule = defineComponent(
  'PU_ALLOCATION_JKK',
  recordInput({ ...billFields, riskClass: oneOfInput(RISK_CLASSES, 'UNKNOWN_RISK_CLASS') }),
  (ruleSet, input) => {
    const relief = reliefOf(ruleSet, input.contributionMonth, input.employerPaidThrough);
    if (!relief.ok) return relief;
    const bill = puJkkBill(ruleSet, input.wage, input.riskClass, relief.value);
    return fundPart(ruleSet, 'jkk', bill, input);
  },
);

export const puAllocationJkmRule = defineComponent(
  'PU_ALLOCATION_JKM',
  recordInput(billFields),
  (ruleSet, input) => {
    const relief = reliefOf(ruleSet, input.contributionMonth, input.employerPaidThrough);
    if (!relief.ok) return relief;
    const bill = puJkmBill(ruleSet, input.wage, relief.value);
    return fundPart(ruleSet, 'jkm', bill, input);
  },
);

export const puAllocationJkpFromJkkRule = defineComponent(
  'PU_ALLOCATION_JKP_FROM_JKK',
  recordInput(workerFields),
  (ruleSet, input) => jkpShare(ruleSet, 'jkk', input),
);

export const puAllocationJkpFromJkmRule = defineComponent(
  'PU_ALLOCATION_JKP_FROM_JKM',
  recordInput(workerFields),
  (ruleSet, input) => jkpShare(ruleSet, 'jkm', input),
);
