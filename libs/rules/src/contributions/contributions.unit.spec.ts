import {
  bpuContribution,
  contributionDueDate,
  indonesianWorkingDayCalendar,
  parseIsoDate,
  parseYearMonth,
  puContribution,
  ruleSetById,
  sponsorBudgetCost,
  sponsorQuota,
  yearMonthOf,
  type BpuContributionInput,
  type Explanation,
  type RiskClass,
  type RuleSet,
} from '@santunan/rules';
import { failure, value } from '../__tests__/helpers';
import { rp } from '../money/rupiah';
import { bpuJkkContributionRule } from './bpu-contribution';

const amounts = (explanation: Explanation): number[] =>
  explanation.components.map((component) => component.amount);
const monthOf = (date: string): string => yearMonthOf(value(parseIsoDate(date)));

const selfTransport = (
  contributionMonth: string,
  declaredIncome = 1_000_000,
): BpuContributionInput => ({
  contributionMonth,
  declaredIncome,
  payer: 'self',
  sector: 'transport',
});

describe('BPU contributions', () => {
  it.each([
    [1_000_000, 10_000, 16_800],
    [2_500_000, 25_000, 31_800],
    [1_234_567, 12_346, 19_146], // 12,345.67 rounds half up
    [1_234_549, 12_345, 19_145], // 12,345.49 rounds down
    [1_000_050, 10_001, 16_801], // 10,000.50 rounds half up
  ])('declared income %p → JKK %p, JKK + JKM %p', (declaredIncome, jkk, total) => {
    const result = value(
      bpuContribution({
        contributionMonth: '2025-06',
        declaredIncome,
        payer: 'self',
        sector: 'other',
      }),
    );
    expect(amounts(result.explanation)).toEqual([jkk, 6_800]);
    expect(result.explanation.total).toBe(total);
    expect(result.explanation.ruleSetId).toBe('PERMENAKER1-2025');
  });

  it('explains the JKK contribution with its formula and legal basis', () => {
    const [jkk] = value(bpuContribution(selfTransport('2025-06', 1_234_567))).explanation
      .components;
    expect(jkk).toMatchObject({
      code: 'BPU_JKK_CONTRIBUTION',
      formula: '1% × Rp1,234,567, rounded half up',
      confidence: 'M',
      inputs: {
        declaredIncome: 1_234_567,
        contributionMonth: '2025-06',
        payer: 'self',
        sector: 'transport',
      },
      amount: 12_346,
    });
    expect(jkk?.legalBasis).toContain('PP 44/2015 Lampiran II');
  });

  describe('PP 50/2025 discount window (contribution months January 2026 – March 2027)', () => {
    it.each([
      ['2025-12-31', false, 16_800],
      ['2026-01-01', true, 8_400],
      ['2027-03-31', true, 8_400],
      ['2027-04-01', false, 16_800],
    ])(
      'a self-paying transport BPU for the month of %s: discount %p, pays %p',
      (date, applies, total) => {
        const result = value(bpuContribution(selfTransport(monthOf(date))));
        expect(result.discount.applies).toBe(applies);
        expect(result.explanation.total).toBe(total);
      },
    );

    it('halves JKK and JKM and says so', () => {
      const result = value(bpuContribution(selfTransport('2026-05', 1_234_567)));
      expect(result.explanation.ruleSetId).toBe('PP50-2025');
      expect(amounts(result.explanation)).toEqual([6_173, 3_400]); // 6,172.835 rounds half up, once
      expect(result.explanation.components[0]?.formula).toBe(
        '1% × Rp1,234,567 × 50% (PP 50/2025 discount), rounded half up',
      );
      expect(result.explanation.components[0]?.legalBasis).toContain('PP 50/2025');
    });

    it.each([
      ['apbd', 'PAYER_EXCLUDED'],
      ['apbn', 'PAYER_EXCLUDED'],
      ['other-sponsor', 'PAYER_NOT_ELIGIBLE'],
    ] as const)('never discounts a %s payer (%s)', (payer, reason) => {
      const result = value(bpuContribution({ ...selfTransport('2026-06'), payer }));
      expect(result.discount).toEqual({ applies: false, reason });
      expect(result.explanation.total).toBe(16_800);
    });

    it('does not discount a self-paying BPU outside the transport sector', () => {
      const result = value(bpuContribution({ ...selfTransport('2026-06'), sector: 'other' }));
      expect(result.discount).toEqual({ applies: false, reason: 'SECTOR_NOT_ELIGIBLE' });
    });

    it('does not exist before PP 50/2025', () => {
      expect(value(bpuContribution(selfTransport('2025-06'))).discount).toEqual({
        applies: false,
        reason: 'NO_DISCOUNT_IN_RULE_SET',
      });
    });
  });

  it.each([
    [{ declaredIncome: 999_999 }, 'INCOME_BELOW_FLOOR'],
    [{ declaredIncome: 0 }, 'INCOME_BELOW_FLOOR'],
    [{ declaredIncome: -1_000_000 }, 'NEGATIVE_AMOUNT'],
    [{ declaredIncome: 1_000_000.5 }, 'FRACTIONAL_AMOUNT'],
    [{ contributionMonth: '2026-13' }, 'INVALID_YEAR_MONTH'],
    [{ contributionMonth: '2015-06' }, 'NO_RULE_SET_IN_FORCE'],
    [{ payer: 'employer' }, 'UNKNOWN_VALUE'],
    [{ sector: 'mining' }, 'UNKNOWN_VALUE'],
  ])('rejects %p with %s', (override, code) => {
    const input = { ...selfTransport('2025-06'), ...override } as BpuContributionInput;
    expect(failure(bpuContribution(input)).code).toBe(code);
  });
});

describe('PU contributions', () => {
  // Rules reference §10: the 0.10…1.60% figures from 2025-02-07 are the JKK fund's share after
  // 0.14% goes to JKP; the employer's bill did not change.
  it.each([
    [1, 24],
    [2, 54],
    [3, 89],
    [4, 127],
    [5, 174],
  ] as const)(
    'risk class %p: the employer pays %p bp of the wage before and after PP 6/2025',
    (riskClass, rate) => {
      const wage = 10_000_000;
      const old = value(puContribution({ contributionMonth: '2025-01', wage, riskClass }));
      const later = value(puContribution({ contributionMonth: '2025-03', wage, riskClass }));
      expect(amounts(old.explanation)).toEqual([(wage * rate) / 10_000, 30_000]);
      expect(amounts(later.explanation)).toEqual([(wage * rate) / 10_000, 30_000]);
      expect(old.explanation.ruleSetId).toBe('PP37-2021');
      expect(later.explanation.ruleSetId).toBe('PERMENAKER1-2025');
    },
  );

  it("the reference's worked case: wage Rp5,000,000, risk class 3 → JKK Rp44,500 + JKM Rp15,000, in 2024 and in 2026", () => {
    for (const contributionMonth of ['2024-06', '2026-06']) {
      const result = value(puContribution({ contributionMonth, wage: 5_000_000, riskClass: 3 }));
      expect(amounts(result.explanation)).toEqual([44_500, 15_000]);
    }
  });

  it('bills February 2025 by the set in force on its first day', () => {
    const february = value(
      puContribution({ contributionMonth: '2025-02', wage: 5_000_000, riskClass: 1 }),
    );
    expect(february.explanation.ruleSetId).toBe('PP37-2021');
    expect(february.explanation.components[0]?.amount).toBe(12_000);
  });

  it('rounds half up once: 0.24% of Rp3,333,333 = 7,999.9992 → 8,000', () => {
    const result = value(
      puContribution({ contributionMonth: '2024-01', wage: 3_333_333, riskClass: 1 }),
    );
    expect(amounts(result.explanation)).toEqual([8_000, 10_000]);
  });

  it.each([
    [{ riskClass: 6 }, 'UNKNOWN_RISK_CLASS'],
    [{ riskClass: 0 }, 'UNKNOWN_RISK_CLASS'],
    [{ wage: 0 }, 'INVALID_WAGE'],
    [{ wage: -5 }, 'NEGATIVE_AMOUNT'],
    [{ wage: 4_500_000.25 }, 'FRACTIONAL_AMOUNT'],
  ])('rejects %p with %s', (override, code) => {
    const input = {
      contributionMonth: '2025-06',
      wage: 5_000_000,
      riskClass: 1 as RiskClass,
      ...override,
    } as {
      contributionMonth: string;
      wage: number;
      riskClass: RiskClass;
    };
    expect(failure(puContribution(input)).code).toBe(code);
  });
});

describe('contribution due dates', () => {
  const calendar = value(indonesianWorkingDayCalendar());

  it.each([
    ['bpu', '2025-08', '2025-08-15', '2025-08-15'], // Friday
    ['bpu', '2025-06', '2025-06-15', '2025-06-16'], // Sunday → Monday
    ['bpu', '2026-02', '2026-02-15', '2026-02-16'], // Sunday → Monday
    ['pu', '2025-05', '2025-06-15', '2025-06-16'], // the following month; Sunday → Monday
    ['pu', '2025-12', '2026-01-15', '2026-01-15'], // across the year end
    ['pu', '2025-07', '2025-08-15', '2025-08-15'],
  ] as const)('%s for %s is nominally %s, due %s', (segment, contributionMonth, nominal, due) => {
    const result = value(contributionDueDate({ segment, contributionMonth, calendar }));
    expect(result.nominalDueDate).toBe(nominal);
    expect(result.dueDate).toBe(due);
  });

  it('marks the BPU rule M and the PU roll-forward assumption L', () => {
    expect(
      value(contributionDueDate({ segment: 'bpu', contributionMonth: '2025-08', calendar }))
        .provenance.confidence,
    ).toBe('M');
    expect(
      value(contributionDueDate({ segment: 'pu', contributionMonth: '2025-08', calendar }))
        .provenance.confidence,
    ).toBe('L');
  });
});

describe('sponsor budget arithmetic', () => {
  it.each([
    [16_800, 12, 50_000, 10_080_000_000],
    [16_800, 1, 1, 16_800],
    [16_800, 12, 0, 0],
    [8_400, 6, 1_000, 50_400_000],
  ])('Rp%p × %p months × %p workers = Rp%p', (tariffPerWorkerPerMonth, months, workers, cost) => {
    expect(value(sponsorBudgetCost({ tariffPerWorkerPerMonth, months, workers }))).toBe(cost);
  });

  it.each([
    [10_080_000_000, 16_800, 12, 50_000, 0],
    [10_080_201_599, 16_800, 12, 50_000, 201_599],
    [10_080_201_600, 16_800, 12, 50_001, 0],
    [100_000, 16_800, 12, 0, 100_000],
  ])(
    'a budget of Rp%p at Rp%p for %p months covers %p workers, leaving Rp%p',
    (budget, tariff, months, workers, unspent) => {
      const quota = value(sponsorQuota({ budget, tariffPerWorkerPerMonth: tariff, months }));
      expect(quota.workers).toBe(workers);
      expect(quota.unspent).toBe(unspent);
      expect(quota.cost + quota.unspent).toBe(budget);
    },
  );

  it.each([
    [{ budget: -1 }, 'NEGATIVE_AMOUNT'],
    [{ budget: 1.5 }, 'FRACTIONAL_AMOUNT'],
    [{ tariffPerWorkerPerMonth: 0 }, 'INVALID_AMOUNT'],
    [{ months: 0 }, 'INVALID_COUNT'],
    [{ months: 2.5 }, 'INVALID_COUNT'],
  ])('rejects %p with %s', (override, code) => {
    expect(
      failure(
        sponsorQuota({
          budget: 10_080_000_000,
          tariffPerWorkerPerMonth: 16_800,
          months: 12,
          ...override,
        }),
      ).code,
    ).toBe(code);
  });

  it('refuses a cost beyond the safe integer range rather than rounding it', () => {
    expect(
      failure(
        sponsorBudgetCost({
          tariffPerWorkerPerMonth: 9_000_000_000_000,
          months: 12,
          workers: 1_000,
        }),
      ).code,
    ).toBe('AMOUNT_TOO_LARGE');
    expect(
      failure(sponsorBudgetCost({ tariffPerWorkerPerMonth: 16_800, months: 12, workers: -1 })).code,
    ).toBe('INVALID_COUNT');
  });
});

describe('Lampiran II income brackets (kept as data, off by default)', () => {
  const base = value(ruleSetById('PP82-2019'));
  const bpu = base.contributions.bpu;
  const withBrackets = (
    brackets: RuleSet['contributions']['bpu']['incomeBrackets']['value'],
  ): RuleSet => ({
    ...base,
    contributions: {
      ...base.contributions,
      bpu: {
        ...bpu,
        jkkBasis: { ...bpu.jkkBasis, value: 'lampiran-ii-bracket' },
        incomeBrackets: { ...bpu.incomeBrackets, value: brackets },
      },
    },
  });
  const input = (declaredIncome: number) => ({
    declaredIncome: rp(declaredIncome),
    contributionMonth: value(parseYearMonth('2024-06')),
    payer: 'self' as const,
    sector: 'other' as const,
  });
  const table = withBrackets([
    { fromIncome: rp(1_000_000), toIncome: rp(1_499_999), nominalIncome: rp(1_000_000) },
    { fromIncome: rp(1_500_000), toIncome: null, nominalIncome: rp(1_500_000) },
  ]);

  it('assesses 1% of the bracket’s nominal income when a rule set switches the brackets on', () => {
    expect(value(bpuJkkContributionRule.evaluate(table, input(1_499_999))).amount).toBe(10_000);
    const evaluation = value(bpuJkkContributionRule.evaluate(table, input(2_750_000)));
    expect(evaluation.amount).toBe(15_000);
    expect(evaluation.formula).toBe(
      '1% × Rp1,500,000 (Lampiran II bracket for Rp2,750,000), rounded half up',
    );
  });

  it('fails clearly when no bracket covers the income', () => {
    const partial = withBrackets([
      { fromIncome: rp(1_000_000), toIncome: rp(1_499_999), nominalIncome: rp(1_000_000) },
    ]);
    expect(failure(bpuJkkContributionRule.evaluate(partial, input(2_000_000))).code).toBe(
      'COMPONENT_NOT_APPLICABLE',
    );
  });

  it('ships with the exact declared income as the basis and no unverified brackets', () => {
    expect(bpu.jkkBasis.value).toBe('exact-declared-income');
    expect(bpu.incomeBrackets.value).toEqual([]);
  });
});
