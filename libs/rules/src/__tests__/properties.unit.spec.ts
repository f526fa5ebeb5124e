import fc from 'fast-check';
import {
  assessJkkClaim,
  bpuContribution,
  jkkDeathBenefit,
  jkkHomeCare,
  jkkStmb,
  jkkTransport,
  jkmDeathBenefit,
  PAYER_TYPES,
  RISK_CLASSES,
  projectScholarshipInstalments,
  puContribution,
  puInvoiceLine,
  recompute,
  ruleSetInForce,
  SCHOLARSHIP_LEVELS,
  TRANSPORT_MODES,
  verifyExplanation,
  workingDayCalendar,
  type Explanation,
  type JkkBenefitRequest,
  type StoredExplanation,
} from '@santunan/rules';
import { fromDayNumber, toDayNumber, type IsoDate } from '../calendar/iso-date';
import { value } from './helpers';

const day = (text: string): number => toDayNumber(text as IsoDate);

/** Any date from PP 44/2015 coming into force to well past the last known rule change. */
const incidentDate = fc
  .integer({ min: day('2015-07-01'), max: day('2032-12-31') })
  .map(fromDayNumber);
const month = fc
  .integer({ min: 2015 * 12 + 6, max: 2032 * 12 + 11 })
  .map((index) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
const puWage = fc.integer({ min: 1, max: 2_000_000_000 });
const bpuIncome = fc.integer({ min: 1_000_000, max: 500_000_000 });
const rupiah = fc.integer({ min: 0, max: 50_000_000_000 });
const percent = fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100);

const benefit: fc.Arbitrary<JkkBenefitRequest> = fc.oneof(
  fc.record({ kind: fc.constant('medical-care' as const), claimedAmount: rupiah }),
  fc.record({
    kind: fc.constant('transport' as const),
    legs: fc.array(fc.record({ mode: fc.constantFrom(...TRANSPORT_MODES), amount: rupiah }), {
      maxLength: 5,
    }),
  }),
  fc.record({
    kind: fc.constant('stmb' as const),
    months: fc.integer({ min: 0, max: 240 }),
    extraDays: fc.integer({ min: 0, max: 29 }),
  }),
  fc.record({ kind: fc.constant('partial-anatomical-disability' as const), tablePercent: percent }),
  fc.record({
    kind: fc.constant('partial-functional-disability' as const),
    lossOfFunctionPercent: percent,
    tablePercent: percent,
  }),
  fc.record({ kind: fc.constant('orthosis-prosthesis' as const), price: rupiah }),
  fc.record({
    kind: fc.constant('assistive-device' as const),
    device: fc.constantFrom('dentures', 'hearing-aid', 'glasses'),
    claimedAmount: rupiah,
  }),
);

const claim = fc.record({
  incidentDate,
  segment: fc.constant('pu' as const),
  wage: puWage,
  benefits: fc
    .tuple(
      fc.array(benefit, { maxLength: 6 }),
      fc.constantFrom(
        [],
        [{ kind: 'death' as const }],
        [{ kind: 'total-permanent-disability' as const }],
      ),
    )
    .map(([others, terminal]) => [
      ...others.filter((request) => request.kind !== 'stmb'),
      ...others.filter((request) => request.kind === 'stmb').slice(0, 1),
      ...terminal,
    ]),
});

function wellFormed(explanation: Explanation): void {
  for (const component of explanation.components) {
    expect(Number.isSafeInteger(component.amount)).toBe(true);
    expect(component.amount).toBeGreaterThanOrEqual(0);
  }
  expect(Number.isSafeInteger(explanation.total)).toBe(true);
  expect(explanation.total).toBe(
    explanation.components.reduce((sum, component) => sum + component.amount, 0),
  );
}

function recomputesFromJson(explanation: Explanation): void {
  const stored = JSON.parse(JSON.stringify(explanation)) as StoredExplanation;
  expect(value(recompute(stored))).toEqual(explanation);
  expect(value(verifyExplanation(stored)).kind).toBe('match');
}

describe('properties', () => {
  it('JKK claims: amounts are non-negative safe integers and recompute from the explanation alone', () => {
    fc.assert(
      fc.property(claim, (input) => {
        const assessment = value(assessJkkClaim(input));
        wellFormed(assessment.explanation);
        recomputesFromJson(assessment.explanation);
      }),
      { numRuns: 300 },
    );
  });

  it('contributions: well-formed, recomputable, and a discount never raises the bill', () => {
    fc.assert(
      fc.property(
        month,
        bpuIncome,
        fc.constantFrom(...PAYER_TYPES),
        fc.constantFrom('transport' as const, 'other' as const),
        (contributionMonth, declaredIncome, payer, sector) => {
          const result = bpuContribution({ contributionMonth, declaredIncome, payer, sector });
          if (!result.ok) {
            expect(result.error.code).toBe('NO_RULE_SET_IN_FORCE');
            return;
          }
          wellFormed(result.value.explanation);
          recomputesFromJson(result.value.explanation);
          const full = value(
            bpuContribution({ contributionMonth, declaredIncome, payer: 'apbd', sector }),
          );
          expect(result.value.explanation.total).toBeLessThanOrEqual(full.explanation.total);
          if (payer === 'apbn' || payer === 'apbd')
            expect(result.value.discount.applies).toBe(false);
        },
      ),
    );
    fc.assert(
      fc.property(
        month,
        puWage,
        fc.constantFrom(...RISK_CLASSES),
        (contributionMonth, wage, riskClass) => {
          const result = puContribution({ contributionMonth, wage, riskClass });
          if (!result.ok) return;
          wellFormed(result.value.explanation);
          recomputesFromJson(result.value.explanation);
        },
      ),
    );
  });

  it('PU invoice lines: the allocation always sums to the bill, and relief never raises it', () => {
    const weekdays = value(workingDayCalendar({ id: 'weekdays', holidays: [], coverage: null }));
    fc.assert(
      fc.property(
        month,
        puWage,
        fc.constantFrom(...RISK_CLASSES),
        fc.boolean(),
        fc.boolean(),
        fc.option(month),
        (contributionMonth, wage, riskClass, jkpParticipant, employerInArrears, paidThrough) => {
          const result = puInvoiceLine({
            contributionMonth,
            wage,
            riskClass,
            jkpParticipant,
            employerInArrears,
            employerPaidThrough: paidThrough,
            calendar: weekdays,
          });
          if (!result.ok) {
            expect(result.error.code).toBe('NO_RULE_SET_IN_FORCE');
            return;
          }
          const { bill, allocation, relief } = result.value;
          wellFormed(bill);
          wellFormed(allocation.explanation);
          recomputesFromJson(bill);
          recomputesFromJson(allocation.explanation);
          expect(allocation.explanation.total).toBe(bill.total);
          expect(allocation.jkk + allocation.jkm + allocation.jkp).toBe(bill.total);
          expect(allocation.explanation.ruleSetId).toBe(bill.ruleSetId);
          const normal = value(puContribution({ contributionMonth, wage, riskClass })).explanation;
          if (relief.applies) expect(bill.total).toBeLessThanOrEqual(normal.total);
          else expect(bill).toEqual(normal);
          if (!allocation.jkpAllocation.applies) expect(allocation.jkp).toBe(0);
          // The JKP shares are on the wage capped at Rp5,000,000: at most 0.24% of it, rounded.
          expect(allocation.jkp).toBeLessThanOrEqual(12_000);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('transport never exceeds the cap of its mode', () => {
    fc.assert(
      fc.property(
        incidentDate,
        fc.array(fc.record({ mode: fc.constantFrom(...TRANSPORT_MODES), amount: rupiah }), {
          maxLength: 8,
        }),
        (date, legs) => {
          const explanation = value(jkkTransport({ incidentDate: date, legs }));
          const caps = value(ruleSetInForce(date)).jkk.transportCaps.value;
          for (const component of explanation.components) {
            const mode = component.inputs['mode'] as (typeof TRANSPORT_MODES)[number];
            expect(component.amount).toBeLessThanOrEqual(caps[mode]);
            expect(component.amount).toBeLessThanOrEqual(
              component.inputs['claimedAmount'] as number,
            );
          }
        },
      ),
    );
  });

  it('home care never exceeds Rp20,000,000 or the costs claimed', () => {
    fc.assert(
      fc.property(
        incidentDate,
        fc.array(
          fc.record({
            offset: fc.integer({ min: 0, max: 800 }),
            amount: fc.integer({ min: 0, max: 30_000_000 }),
          }),
          { maxLength: 10 },
        ),
        (date, costs) => {
          const explanation = value(
            jkkHomeCare({
              incidentDate: date,
              careStartDate: date,
              costs: costs.map((cost) => ({
                date: fromDayNumber(toDayNumber(date) + cost.offset),
                amount: cost.amount,
              })),
            }),
          );
          expect(explanation.total).toBeLessThanOrEqual(20_000_000);
          expect(explanation.total).toBeLessThanOrEqual(
            costs.reduce((sum, cost) => sum + cost.amount, 0),
          );
        },
      ),
    );
  });

  it('STMB is monotonic in months (and in days within a month)', () => {
    fc.assert(
      fc.property(
        incidentDate,
        puWage,
        fc.integer({ min: 0, max: 239 }),
        fc.integer({ min: 0, max: 28 }),
        (date, wage, months, days) => {
          const at = (m: number, d: number): number =>
            value(jkkStmb({ incidentDate: date, segment: 'pu', wage, months: m, extraDays: d }))
              .total;
          expect(at(months + 1, 0)).toBeGreaterThanOrEqual(at(months, 0));
          expect(at(months, days + 1)).toBeGreaterThanOrEqual(at(months, days));
          expect(at(months + 1, 0)).toBeGreaterThanOrEqual(at(months, days));
          expect(at(months, 0)).toBeLessThanOrEqual(months * wage);
        },
      ),
    );
  });

  it('the JKK death lump sum is 48 × wage but never under the set’s minimum', () => {
    fc.assert(
      fc.property(incidentDate, puWage, (date, wage) => {
        const { explanation } = value(jkkDeathBenefit({ incidentDate: date, segment: 'pu', wage }));
        const minimum = value(ruleSetInForce(date)).jkk.deathMinimum.value;
        expect(explanation.components[0]?.amount).toBe(Math.max(48 * wage, minimum));
      }),
    );
  });

  it('JKM death: well-formed and recomputable; a BPU never gets more than the full JKM', () => {
    fc.assert(
      fc.property(
        incidentDate,
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 200 }),
        (date, monthsBefore, masaIurMonths) => {
          const deathMonth =
            Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - monthsBefore;
          const firstPaidMonth = `${Math.floor(deathMonth / 12)}-${String((deathMonth % 12) + 1).padStart(2, '0')}`;
          const result = value(
            jkmDeathBenefit({ deathDate: date, segment: 'bpu', firstPaidMonth, masaIurMonths }),
          );
          wellFormed(result.explanation);
          recomputesFromJson(result.explanation);
          expect(result.explanation.total).toBeLessThanOrEqual(42_000_000);
        },
      ),
    );
  });

  it('scholarship projections respect the per-level year caps, the yearly amounts and the per-child maximum', () => {
    const levelIndex = fc.integer({ min: 0, max: SCHOLARSHIP_LEVELS.length - 1 });
    fc.assert(
      fc.property(
        fc.integer({ min: day('2019-12-02'), max: day('2030-12-31') }).map(fromDayNumber),
        fc.integer({ min: 0, max: 22 * 365 }),
        fc.option(fc.tuple(levelIndex, fc.integer({ min: 1, max: 8 }))),
        fc.array(fc.tuple(levelIndex, fc.integer({ min: 0, max: 12_000_000 })), { maxLength: 6 }),
        (asOfDate, ageInDays, schooling, history) => {
          const current =
            schooling === null
              ? ({ kind: 'not-yet-in-school' } as const)
              : (() => {
                  const level = SCHOLARSHIP_LEVELS[schooling[0]] ?? 'TK-SD';
                  const years = { 'TK-SD': 8, SMP: 3, SMA: 3, PT: 5 }[level];
                  return {
                    kind: 'in-school',
                    level,
                    yearInLevel: Math.min(schooling[1], years),
                  } as const;
                })();
          const previousPayments = history.map(([index, amount], i) => ({
            scholarshipYear: `${1990 + i}/${1991 + i}`,
            level: SCHOLARSHIP_LEVELS[index] ?? 'TK-SD',
            amount,
          }));
          const projection = value(
            projectScholarshipInstalments({
              incidentDate: '2019-12-02',
              route: 'jkk-death',
              asOfDate,
              childBirthDate: fromDayNumber(toDayNumber(asOfDate) - ageInDays),
              current,
              previousPayments,
            }),
          );
          const scheme = value(ruleSetInForce('2019-12-02')).scholarship;
          if (scheme.kind !== 'yearly-by-level') throw new Error('expected yearly');
          const paidBefore = previousPayments.reduce((sum, payment) => sum + payment.amount, 0);
          expect(paidBefore + projection.total).toBeLessThanOrEqual(
            Math.max(87_000_000, paidBefore),
          );
          for (const level of SCHOLARSHIP_LEVELS) {
            const before = previousPayments.filter((payment) => payment.level === level).length;
            const projected = projection.instalments.filter(
              (instalment) => instalment.level === level,
            );
            expect(before + projected.length).toBeLessThanOrEqual(
              Math.max(scheme.levels.value[level].maxYears, before),
            );
            for (const instalment of projected) {
              expect(instalment.amount).toBeGreaterThan(0);
              expect(instalment.amount).toBeLessThanOrEqual(
                scheme.levels.value[level].yearlyAmount,
              );
              expect(instalment.ageOnApplication).toBeLessThan(23);
            }
          }
          const years = projection.instalments.map((instalment) => instalment.scholarshipYear);
          expect(new Set(years).size).toBe(years.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
