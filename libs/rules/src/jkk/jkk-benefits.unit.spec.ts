import {
  assessJkkClaim,
  jkkAssistiveDevice,
  jkkClaimExpiry,
  jkkDeathBenefit,
  jkkHomeCare,
  jkkMedicalCare,
  jkkOrthosisProsthesis,
  jkkPartialAnatomicalDisability,
  jkkPartialFunctionalDisability,
  jkkStmb,
  jkkTotalPermanentDisability,
  jkkTransport,
  verifyExplanation,
  type Explanation,
  type JkkTransportInput,
} from '@santunan/rules';
import { failure, value } from '../__tests__/helpers';

const amounts = (explanation: Explanation): number[] =>
  explanation.components.map((component) => component.amount);
const recomputes = (explanation: Explanation): boolean =>
  value(verifyExplanation(explanation)).kind === 'match';

describe('JKK death', () => {
  it.each([
    ['2019-12-01', 'PP44-2015', [48_000_000, 4_800_000, 3_000_000, 12_000_000], 67_800_000],
    ['2019-12-02', 'PP82-2019', [48_000_000, 12_000_000, 10_000_000], 70_000_000],
  ])('an accident on %s is decided under %s', (incidentDate, ruleSetId, parts, total) => {
    const { explanation, scholarship } = value(
      jkkDeathBenefit({ incidentDate, segment: 'bpu', wage: 1_000_000 }),
    );
    expect(explanation.ruleSetId).toBe(ruleSetId);
    expect(amounts(explanation)).toEqual(parts);
    expect(explanation.total).toBe(total);
    expect(scholarship.kind).toBe(ruleSetId === 'PP44-2015' ? 'flat-once' : 'yearly-by-level');
    expect(recomputes(explanation)).toBe(true);
  });

  it.each([
    [416_666, 20_000_000], // 48 × 416,666 = 19,999,968
    [416_667, 20_000_016], // 48 × 416,667 = 20,000,016
    [1, 20_000_000],
  ])('PU wage %p → lump sum %p (at least Rp20,000,000)', (wage, lumpSum) => {
    const { explanation } = value(
      jkkDeathBenefit({ incidentDate: '2023-01-01', segment: 'pu', wage }),
    );
    expect(explanation.components[0]?.amount).toBe(lumpSum);
  });

  it('gives a yearly scholarship entitlement with no masa iur minimum under PP 82/2019', () => {
    const { scholarship } = value(
      jkkDeathBenefit({ incidentDate: '2023-01-01', segment: 'pu', wage: 3_000_000 }),
    );
    expect(scholarship).toMatchObject({
      kind: 'yearly-by-level',
      route: 'jkk-death',
      maxChildren: 2,
      perChildMax: 87_000_000,
    });
  });
});

describe('JKK total permanent disability (CTT)', () => {
  it.each([
    ['2024-01-01', 'bpu', 1_000_000, [56_000_000, 12_000_000]],
    ['2024-01-01', 'pu', 5_000_001, [280_000_056, 12_000_000]],
    ['2018-01-01', 'pu', 2_000_000, [112_000_000, 4_800_000, 12_000_000]],
  ] as const)('%s, %s at %p', (incidentDate, segment, wage, parts) => {
    const { explanation, scholarship } = value(
      jkkTotalPermanentDisability({ incidentDate, segment, wage }),
    );
    expect(amounts(explanation)).toEqual(parts);
    expect(scholarship.kind).not.toBe('none');
  });
});

describe('STMB', () => {
  it.each([
    ['2024-01-01', 1_000_000, 0, 0, 0],
    ['2024-01-01', 1_000_000, 1, 0, 1_000_000],
    ['2024-01-01', 1_000_000, 12, 0, 12_000_000],
    ['2024-01-01', 1_000_000, 13, 0, 12_500_000],
    ['2024-01-01', 1_000_000, 15, 0, 13_500_000],
    ['2024-01-01', 1_000_001, 13, 0, 12_500_012], // 12,000,012 + 500,000.5, rounded down once
    ['2024-01-01', 1_000_000, 12, 10, 12_166_666], // + 10/30 of a 50% month
    ['2024-01-01', 3_000_000, 0, 15, 1_500_000],
    ['2019-06-01', 1_000_000, 6, 0, 6_000_000],
    ['2019-06-01', 1_000_000, 12, 0, 10_500_000], // PP 44/2015: 6 at 100%, 6 at 75%
    ['2019-06-01', 1_000_000, 15, 0, 12_000_000],
  ])('%s, wage %p, %p months + %p days → %p', (incidentDate, wage, months, extraDays, total) => {
    const explanation = value(jkkStmb({ incidentDate, segment: 'pu', wage, months, extraDays }));
    expect(explanation.total).toBe(total);
    expect(recomputes(explanation)).toBe(true);
  });

  it('writes the tiers into the formula', () => {
    const explanation = value(
      jkkStmb({ incidentDate: '2024-01-01', segment: 'bpu', wage: 1_000_000, months: 15 }),
    );
    expect(explanation.components[0]?.formula).toBe(
      '12 × Rp1,000,000 × 100% + 3 × Rp1,000,000 × 50%, rounded down',
    );
  });

  it.each([
    [{ months: -1 }, 'INVALID_COUNT'],
    [{ months: 1.5 }, 'INVALID_COUNT'],
    [{ months: 1201 }, 'INVALID_COUNT'],
    [{ extraDays: 30 }, 'INVALID_COUNT'],
    [{ wage: 999_999 }, 'INCOME_BELOW_FLOOR'],
    [{ incidentDate: '2014-01-01' }, 'NO_RULE_SET_IN_FORCE'],
  ])('rejects %p with %s', (override, code) => {
    expect(
      failure(
        jkkStmb({
          incidentDate: '2024-01-01',
          segment: 'bpu',
          wage: 1_000_000,
          months: 3,
          ...override,
        }),
      ).code,
    ).toBe(code);
  });
});

describe('partial disability', () => {
  it.each([
    [10, 2_000_000, 16_000_000],
    [12.5, 3_333_333, 33_333_330],
    [0.01, 1_000_001, 8_000], // 0.01% × 80 × 1,000,001 = 8,000.008
    [100, 1_000_000, 80_000_000],
    [0, 1_000_000, 0],
  ])('anatomical: %p%% × 80 × %p = %p', (tablePercent, wage, amount) => {
    const explanation = value(
      jkkPartialAnatomicalDisability({
        incidentDate: '2024-01-01',
        segment: 'pu',
        wage,
        tablePercent,
      }),
    );
    expect(explanation.total).toBe(amount);
  });

  it('functional: % loss of function × table % × 80 × wage', () => {
    const explanation = value(
      jkkPartialFunctionalDisability({
        incidentDate: '2024-01-01',
        segment: 'pu',
        wage: 2_000_000,
        lossOfFunctionPercent: 50,
        tablePercent: 30,
      }),
    );
    expect(explanation.total).toBe(24_000_000);
    expect(explanation.components[0]?.inputs).toEqual({
      wage: 2_000_000,
      lossOfFunctionBp: 5_000,
      tableShareBp: 3_000,
    });
  });

  it.each([-1, 100.5, 12.345, Number.NaN])('rejects a percentage of %p', (tablePercent) => {
    expect(
      failure(
        jkkPartialAnatomicalDisability({
          incidentDate: '2024-01-01',
          segment: 'pu',
          wage: 2_000_000,
          tablePercent,
        }),
      ).code,
    ).toBe('INVALID_PERCENTAGE');
    expect(
      failure(
        jkkPartialFunctionalDisability({
          incidentDate: '2024-01-01',
          segment: 'pu',
          wage: 2_000_000,
          lossOfFunctionPercent: tablePercent,
          tablePercent: 10,
        }),
      ).code,
    ).toBe('INVALID_PERCENTAGE');
  });
});

describe('medical care, home care, transport and aids', () => {
  it('passes medical care through with no ceiling', () => {
    expect(
      value(jkkMedicalCare({ incidentDate: '2024-01-01', claimedAmount: 2_750_000_000 })).total,
    ).toBe(2_750_000_000);
    expect(failure(jkkMedicalCare({ incidentDate: '2024-01-01', claimedAmount: -1 })).code).toBe(
      'NEGATIVE_AMOUNT',
    );
  });

  it.each([
    [[{ mode: 'land', amount: 6_000_000 }], [5_000_000]],
    [[{ mode: 'river', amount: 4_000_000 }], [4_000_000]],
    [[{ mode: 'sea', amount: 2_500_000 }], [2_000_000]],
    [[{ mode: 'air', amount: 12_000_000 }], [10_000_000]],
    [
      [
        { mode: 'air', amount: 4_000_000 },
        { mode: 'land', amount: 3_000_000 },
        { mode: 'land', amount: 3_000_000 },
        { mode: 'sea', amount: 1_000_000 },
      ],
      [5_000_000, 1_000_000, 4_000_000],
    ],
  ] as const)('PP 82/2019 transport %p → %p (each mode its own cap)', (legs, expected) => {
    const explanation = value(
      jkkTransport({ incidentDate: '2024-01-01', legs } as JkkTransportInput),
    );
    expect(amounts(explanation)).toEqual(expected);
  });

  it('uses the L-confidence PP 44/2015 caps for accidents before 2019-12-02', () => {
    const explanation = value(
      jkkTransport({
        incidentDate: '2019-12-01',
        legs: [
          { mode: 'land', amount: 5_000_000 },
          { mode: 'sea', amount: 5_000_000 },
          { mode: 'air', amount: 5_000_000 },
        ],
      }),
    );
    expect(amounts(explanation)).toEqual([1_000_000, 1_500_000, 2_500_000]);
    expect(explanation.components.every((component) => component.confidence === 'L')).toBe(true);
    expect(
      failure(
        jkkTransport({
          incidentDate: '2024-01-01',
          legs: [{ mode: 'rocket' as 'air', amount: 1 }],
        }),
      ).code,
    ).toBe('UNKNOWN_VALUE');
  });

  it('covers home care for one year (start inclusive, anniversary exclusive) up to Rp20,000,000', () => {
    const base = { incidentDate: '2024-12-20', careStartDate: '2025-01-10' };
    const within = value(
      jkkHomeCare({
        ...base,
        costs: [
          { date: '2025-01-10', amount: 6_000_000 },
          { date: '2026-01-09', amount: 4_000_000 },
          { date: '2026-01-10', amount: 9_000_000 },
        ],
      }),
    );
    expect(within.total).toBe(10_000_000);
    expect(within.components[0]?.formula).toContain(
      '1 cost(s) after 1 year(s) of home care not covered',
    );
    const capped = value(
      jkkHomeCare({ ...base, costs: [{ date: '2025-03-01', amount: 25_000_000 }] }),
    );
    expect(capped.total).toBe(20_000_000);
    expect(failure(jkkHomeCare({ ...base, costs: [{ date: '2025-01-09', amount: 1 }] })).code).toBe(
      'DATES_OUT_OF_ORDER',
    );
    expect(failure(jkkHomeCare({ ...base, careStartDate: '2024-12-19', costs: [] })).code).toBe(
      'DATES_OUT_OF_ORDER',
    );
  });

  it('pays orthoses and prostheses at price + 40%, rounded down', () => {
    expect(
      value(jkkOrthosisProsthesis({ incidentDate: '2024-01-01', price: 10_000_000 })).total,
    ).toBe(14_000_000);
    expect(value(jkkOrthosisProsthesis({ incidentDate: '2024-01-01', price: 333_333 })).total).toBe(
      466_666,
    );
  });

  it('caps dentures, hearing aids and glasses by L-confidence data', () => {
    const glasses = value(
      jkkAssistiveDevice({
        incidentDate: '2024-01-01',
        device: 'glasses',
        claimedAmount: 3_000_000,
      }),
    );
    expect(glasses.total).toBe(1_000_000);
    expect(glasses.components[0]?.confidence).toBe('L');
    expect(
      value(
        jkkAssistiveDevice({
          incidentDate: '2024-01-01',
          device: 'dentures',
          claimedAmount: 400_000,
        }),
      ).total,
    ).toBe(400_000);
  });
});

describe('JKK claim expiry', () => {
  it.each([
    ['2018-05-20', '2020-05-20', '2020-05-20', true],
    ['2018-05-20', '2020-05-21', '2020-05-20', false],
    ['2019-12-01', '2021-12-01', '2021-12-01', true],
    ['2019-12-01', '2021-12-02', '2021-12-01', false],
    ['2019-12-02', '2024-12-02', '2024-12-02', true],
    ['2019-12-02', '2024-12-03', '2024-12-02', false],
    ['2020-03-10', '2025-03-10', '2025-03-10', true],
    ['2020-03-10', '2025-03-11', '2025-03-10', false],
    ['2020-02-29', '2025-02-28', '2025-02-28', true],
  ])(
    'accident %s, claim %s: last day %s, in time %p',
    (incidentDate, claimDate, lastClaimDate, inTime) => {
      expect(value(jkkClaimExpiry({ incidentDate, claimDate }))).toMatchObject({
        lastClaimDate,
        inTime,
      });
    },
  );

  it('rejects a claim dated before the accident', () => {
    expect(
      failure(jkkClaimExpiry({ incidentDate: '2024-01-02', claimDate: '2024-01-01' })).code,
    ).toBe('DATES_OUT_OF_ORDER');
  });
});

describe('assessJkkClaim', () => {
  it('assesses every benefit of a claim under one rule set, in one explanation', () => {
    const assessment = value(
      assessJkkClaim({
        incidentDate: '2025-03-04',
        segment: 'bpu',
        wage: 1_500_000,
        benefits: [
          { kind: 'medical-care', claimedAmount: 12_345_678 },
          { kind: 'transport', legs: [{ mode: 'land', amount: 750_000 }] },
          { kind: 'stmb', months: 2 },
          { kind: 'partial-anatomical-disability', tablePercent: 10 },
        ],
      }),
    );
    expect(assessment.explanation.ruleSetId).toBe('PERMENAKER1-2025');
    expect(assessment.explanation.components.map((component) => component.code)).toEqual([
      'JKK_MEDICAL_CARE',
      'JKK_TRANSPORT',
      'JKK_STMB',
      'JKK_PARTIAL_ANATOMICAL_DISABILITY',
    ]);
    expect(assessment.explanation.total).toBe(12_345_678 + 750_000 + 3_000_000 + 12_000_000);
    expect(assessment.scholarship).toBeNull();
    expect(recomputes(assessment.explanation)).toBe(true);
  });

  it('carries the scholarship entitlement of a death', () => {
    const assessment = value(
      assessJkkClaim({
        incidentDate: '2025-03-04',
        segment: 'bpu',
        wage: 1_000_000,
        benefits: [{ kind: 'medical-care', claimedAmount: 5_000_000 }, { kind: 'death' }],
      }),
    );
    expect(assessment.explanation.total).toBe(75_000_000);
    expect(assessment.scholarship?.kind).toBe('yearly-by-level');
  });

  it.each([
    [[{ kind: 'death' }, { kind: 'total-permanent-disability' }]],
    [
      [
        { kind: 'stmb', months: 1 },
        { kind: 'stmb', months: 2 },
      ],
    ],
  ] as const)('rejects conflicting requests %p', (benefits) => {
    expect(
      failure(
        assessJkkClaim({ incidentDate: '2025-03-04', segment: 'pu', wage: 1_000_000, benefits }),
      ).code,
    ).toBe('INVALID_INPUT');
  });

  it('returns the first bad input of any benefit', () => {
    expect(
      failure(
        assessJkkClaim({
          incidentDate: '2025-03-04',
          segment: 'pu',
          wage: 2_000_000,
          benefits: [{ kind: 'medical-care', claimedAmount: 10.5 }],
        }),
      ),
    ).toMatchObject({ code: 'FRACTIONAL_AMOUNT', field: 'claimedAmount' });
  });
});
