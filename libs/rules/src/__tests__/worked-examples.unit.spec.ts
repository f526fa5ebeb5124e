import {
  bpuContribution,
  jkkDeathBenefit,
  jkkStmb,
  jkkTotalPermanentDisability,
  jkmDeathBenefit,
  projectScholarshipInstalments,
  ruleSetInForce,
  sponsorBudgetCost,
  sponsorQuota,
  verifyExplanation,
  type Explanation,
} from '@santunan/rules';
import { failure, value } from './helpers';

// Every worked example of shared/domain/jkk-jkm-rules.md, to the rupiah.

function amounts(explanation: Explanation): Record<string, number> {
  return Object.fromEntries(
    explanation.components.map((component) => [component.code, component.amount]),
  );
}

function expectRecomputes(explanation: Explanation): void {
  expect(value(verifyExplanation(explanation))).toEqual({
    kind: 'match',
    total: explanation.total,
  });
}

describe('worked examples of the rules reference', () => {
  it.each([
    {
      name: 'BPU at Rp1,000,000 dies in a work accident (PP 82/2019)',
      run: () =>
        value(jkkDeathBenefit({ incidentDate: '2024-05-10', segment: 'bpu', wage: 1_000_000 }))
          .explanation,
      ruleSetId: 'PP37-2021',
      components: {
        JKK_DEATH_LUMP_SUM: 48_000_000,
        JKK_DEATH_PERIODIC: 12_000_000,
        JKK_FUNERAL: 10_000_000,
      },
      total: 70_000_000,
    },
    {
      name: 'CTT at Rp1,000,000',
      run: () =>
        value(
          jkkTotalPermanentDisability({
            incidentDate: '2024-05-10',
            segment: 'bpu',
            wage: 1_000_000,
          }),
        ).explanation,
      ruleSetId: 'PP37-2021',
      components: { JKK_CTT_LUMP_SUM: 56_000_000, JKK_CTT_PERIODIC: 12_000_000 },
      total: 68_000_000,
    },
    {
      name: 'STMB for 15 months at Rp1,000,000',
      run: () =>
        value(jkkStmb({ incidentDate: '2024-05-10', segment: 'bpu', wage: 1_000_000, months: 15 })),
      ruleSetId: 'PP37-2021',
      components: { JKK_STMB: 13_500_000 },
      total: 13_500_000,
    },
    {
      name: 'JKM death (PP 82/2019)',
      run: () =>
        value(
          jkmDeathBenefit({
            deathDate: '2024-05-10',
            segment: 'pu',
            firstPaidMonth: '2020-01',
            masaIurMonths: 52,
          }),
        ).explanation,
      ruleSetId: 'PP37-2021',
      components: { JKM_LUMP_SUM: 20_000_000, JKM_PERIODIC: 12_000_000, JKM_FUNERAL: 10_000_000 },
      total: 42_000_000,
    },
    {
      name: 'BPU JKM death within the first three months (Permenaker 1/2025)',
      run: () =>
        value(
          jkmDeathBenefit({
            deathDate: '2025-06-20',
            segment: 'bpu',
            firstPaidMonth: '2025-05',
            masaIurMonths: 2,
          }),
        ).explanation,
      ruleSetId: 'PERMENAKER1-2025',
      components: { JKM_BPU_EARLY_DEATH: 10_000_000 },
      total: 10_000_000,
    },
    {
      name: 'the 2019 pre-PP 82 JKK death: 48 × 4,000,000 + 4,800,000 + 3,000,000 + 12,000,000',
      run: () =>
        value(jkkDeathBenefit({ incidentDate: '2019-06-15', segment: 'pu', wage: 4_000_000 }))
          .explanation,
      ruleSetId: 'PP44-2015',
      components: {
        JKK_DEATH_LUMP_SUM: 192_000_000,
        JKK_DEATH_PERIODIC: 4_800_000,
        JKK_FUNERAL: 3_000_000,
        SCHOLARSHIP_FLAT: 12_000_000,
      },
      total: 211_800_000,
    },
    {
      name: 'JKM death before PP 82/2019 with a masa iur of 5 years (flat scholarship)',
      run: () =>
        value(
          jkmDeathBenefit({
            deathDate: '2019-06-15',
            segment: 'pu',
            firstPaidMonth: '2014-01',
            masaIurMonths: 60,
          }),
        ).explanation,
      ruleSetId: 'PP44-2015',
      components: {
        JKM_LUMP_SUM: 16_200_000,
        JKM_PERIODIC: 4_800_000,
        JKM_FUNERAL: 3_000_000,
        SCHOLARSHIP_FLAT: 12_000_000,
      },
      total: 36_000_000,
    },
    {
      name: 'PU death at a low wage: 48 × 300,000 = 14,400,000 lifts to the Rp20,000,000 minimum',
      run: () =>
        value(jkkDeathBenefit({ incidentDate: '2024-05-10', segment: 'pu', wage: 300_000 }))
          .explanation,
      ruleSetId: 'PP37-2021',
      components: {
        JKK_DEATH_LUMP_SUM: 20_000_000,
        JKK_DEATH_PERIODIC: 12_000_000,
        JKK_FUNERAL: 10_000_000,
      },
      total: 42_000_000,
    },
    {
      name: 'PU death at a low wage before PP 82/2019: the minimum is the JKM lump sum 16,200,000',
      run: () =>
        value(jkkDeathBenefit({ incidentDate: '2018-03-01', segment: 'pu', wage: 300_000 }))
          .explanation,
      ruleSetId: 'PP44-2015',
      components: {
        JKK_DEATH_LUMP_SUM: 16_200_000,
        JKK_DEATH_PERIODIC: 4_800_000,
        JKK_FUNERAL: 3_000_000,
        SCHOLARSHIP_FLAT: 12_000_000,
      },
      total: 36_000_000,
    },
  ])('$name', ({ run, ruleSetId, components, total }) => {
    const explanation = run();
    expect(explanation.ruleSetId).toBe(ruleSetId);
    expect(amounts(explanation)).toEqual(components);
    expect(explanation.total).toBe(total);
    expectRecomputes(explanation);
  });

  it('at the BPU income floor 48 × wage (48,000,000) is always above the Rp20,000,000 minimum', () => {
    const explanation = value(
      jkkDeathBenefit({ incidentDate: '2024-05-10', segment: 'bpu', wage: 1_000_000 }),
    ).explanation;
    expect(explanation.components[0]?.formula).not.toContain('the minimum applies');
    expect(
      failure(jkkDeathBenefit({ incidentDate: '2024-05-10', segment: 'bpu', wage: 400_000 })).code,
    ).toBe('INCOME_BELOW_FLOOR');
  });

  it('the minimum-applied case says so in its formula', () => {
    const explanation = value(
      jkkDeathBenefit({ incidentDate: '2024-05-10', segment: 'pu', wage: 300_000 }),
    ).explanation;
    expect(explanation.components[0]?.formula).toBe(
      'max(48 × Rp300,000, minimum Rp20,000,000) — the minimum applies',
    );
  });

  it('scholarship maximum: 87,000,000 per child, 174,000,000 for two', () => {
    const scheme = value(ruleSetInForce('2024-05-10')).scholarship;
    if (scheme.kind !== 'yearly-by-level') throw new Error('expected a yearly scheme');
    const levels = Object.values(scheme.levels.value);
    const sumOfLevelCaps = levels.reduce(
      (sum, level) => sum + level.yearlyAmount * level.maxYears,
      0,
    );
    expect(sumOfLevelCaps).toBe(87_000_000);
    expect(scheme.perChildMax.value).toBe(87_000_000);
    expect(scheme.maxChildren.value * scheme.perChildMax.value).toBe(174_000_000);

    // A child born just before a 2024 JKK death, projected through school, gets the whole 87,000,000.
    const career = value(
      projectScholarshipInstalments({
        incidentDate: '2024-05-10',
        route: 'jkk-death',
        asOfDate: '2024-05-10',
        childBirthDate: '2024-01-15',
        current: { kind: 'not-yet-in-school' },
        previousPayments: [],
      }),
    );
    expect(career.total).toBe(87_000_000);
    expect(career.end).toBe('PER_CHILD_MAXIMUM');
    expect(2 * career.total).toBe(174_000_000);
  });

  it('NTT: 50,000 workers × Rp16,800 × 12 months = Rp10,080,000,000, and that budget buys exactly 50,000', () => {
    const tariff = value(
      bpuContribution({
        contributionMonth: '2026-01',
        declaredIncome: 1_000_000,
        payer: 'apbd',
        sector: 'transport',
      }),
    );
    expect(tariff.discount).toEqual({ applies: false, reason: 'PAYER_EXCLUDED' });
    expect(tariff.explanation.total).toBe(16_800);
    expect(
      value(sponsorBudgetCost({ tariffPerWorkerPerMonth: 16_800, months: 12, workers: 50_000 })),
    ).toBe(10_080_000_000);
    expect(
      value(sponsorQuota({ budget: 10_080_000_000, tariffPerWorkerPerMonth: 16_800, months: 12 })),
    ).toEqual({
      workers: 50_000,
      cost: 10_080_000_000,
      unspent: 0,
    });
  });
});
