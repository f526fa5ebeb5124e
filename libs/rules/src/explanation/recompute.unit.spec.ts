import {
  assessJkkClaim,
  bpuContribution,
  COMPONENT_CODES,
  indonesianWorkingDayCalendar,
  jkkDeathBenefit,
  jkmDeathBenefit,
  latePaymentCompensation,
  mergeExplanations,
  puContribution,
  puInvoiceLine,
  puLateFee,
  recompute,
  scholarshipInstalment,
  verifyExplanation,
  workingDayCalendar,
  type Explanation,
  type StoredExplanation,
} from '@santunan/rules';
import { failure, value } from '../__tests__/helpers';

const calendar = value(indonesianWorkingDayCalendar());
const weekdays = value(workingDayCalendar({ id: 'weekdays', holidays: [], coverage: null }));

/** PU invoice lines: a PP 49/2020 relief month, and a PP 37/2021 month above the JKP wage cap. */
function puSamples(): Explanation[] {
  const worker = {
    riskClass: 4 as const,
    jkpParticipant: true,
    employerInArrears: false,
    calendar: weekdays,
  };
  const relieved = value(
    puInvoiceLine({
      ...worker,
      contributionMonth: '2020-11',
      wage: 6_543_211,
      employerPaidThrough: '2020-09',
    }),
  );
  const split = value(
    puInvoiceLine({
      ...worker,
      contributionMonth: '2022-09',
      wage: 7_777_777,
      employerPaidThrough: null,
    }),
  );
  const fee = value(
    puLateFee({
      contributionMonth: '2020-11',
      amountOwed: relieved.bill.total,
      paidOn: '2021-03-02',
      employerPaidThrough: '2020-09',
      calendar: weekdays,
    }),
  );
  return [
    relieved.bill,
    relieved.allocation.explanation,
    split.bill,
    split.allocation.explanation,
    fee.explanation,
  ];
}

/** One explanation of every kind the library produces. */
function samples(): Explanation[] {
  const instalment = value(
    scholarshipInstalment({
      incidentDate: '2024-02-10',
      route: 'jkk-death',
      applicationDate: '2025-08-01',
      child: {
        birthDate: '2012-03-15',
        married: false,
        work: { kind: 'not-working' },
        registered: true,
      },
      level: 'SMP',
      previousPayments: [],
    }),
  );
  if (instalment.kind !== 'payable') throw new Error('expected payable');
  return [
    value(
      bpuContribution({
        contributionMonth: '2026-02',
        declaredIncome: 1_750_001,
        payer: 'self',
        sector: 'transport',
      }),
    ).explanation,
    value(puContribution({ contributionMonth: '2025-04', wage: 7_654_321, riskClass: 4 }))
      .explanation,
    value(
      assessJkkClaim({
        incidentDate: '2025-04-01',
        segment: 'pu',
        wage: 4_321_987,
        benefits: [
          { kind: 'medical-care', claimedAmount: 9_876_543 },
          {
            kind: 'home-care',
            careStartDate: '2025-05-01',
            costs: [{ date: '2025-06-01', amount: 2_500_000 }],
          },
          { kind: 'transport', legs: [{ mode: 'sea', amount: 2_100_000 }] },
          { kind: 'stmb', months: 14, extraDays: 11 },
          { kind: 'partial-anatomical-disability', tablePercent: 7.5 },
          { kind: 'partial-functional-disability', lossOfFunctionPercent: 33.33, tablePercent: 20 },
          { kind: 'total-permanent-disability' },
          { kind: 'orthosis-prosthesis', price: 3_333_333 },
          { kind: 'assistive-device', device: 'hearing-aid', claimedAmount: 1_800_000 },
        ],
      }),
    ).explanation,
    value(jkkDeathBenefit({ incidentDate: '2018-08-08', segment: 'pu', wage: 2_222_222 }))
      .explanation,
    value(jkmDeathBenefit({ deathDate: '2019-05-05', segment: 'pu', masaIurMonths: 61 }))
      .explanation,
    value(
      jkmDeathBenefit({
        deathDate: '2025-06-30',
        segment: 'bpu',
        firstPaidMonth: '2025-04',
        masaIurMonths: 3,
      }),
    ).explanation,
    value(
      jkmDeathBenefit({
        deathDate: '2025-07-01',
        segment: 'bpu',
        firstPaidMonth: '2025-04',
        masaIurMonths: 4,
      }),
    ).explanation,
    instalment.explanation,
    ...puSamples(),
    value(
      latePaymentCompensation({
        program: 'jkm',
        benefitAmount: 42_000_000,
        completeClaimDate: '2026-03-16',
        paidDate: '2026-03-30',
        calendar,
      }),
    ).explanation,
  ];
}

const stored = (explanation: Explanation): StoredExplanation =>
  JSON.parse(JSON.stringify(explanation)) as StoredExplanation;

describe('recompute', () => {
  it('re-derives every component code the library produces, from a JSON round trip alone', () => {
    const all = samples();
    const codes = new Set(
      all.flatMap((explanation) => explanation.components.map((component) => component.code)),
    );
    expect([...codes].sort()).toEqual([...COMPONENT_CODES].sort());
    for (const explanation of all) {
      expect(value(recompute(stored(explanation)))).toEqual(explanation);
      expect(value(verifyExplanation(stored(explanation)))).toEqual({
        kind: 'match',
        total: explanation.total,
      });
    }
  });

  it('ignores stored amounts, formulas and legal bases and reports what differs', () => {
    const explanation = stored(
      value(jkkDeathBenefit({ incidentDate: '2024-01-01', segment: 'bpu', wage: 1_000_000 }))
        .explanation,
    );
    const tampered: StoredExplanation = {
      ...explanation,
      components: explanation.components.map((component, index) =>
        index === 0
          ? { ...component, amount: 58_000_000, formula: 'made up', legalBasis: 'none' }
          : component,
      ),
      total: 80_000_000,
    };
    const check = value(verifyExplanation(tampered));
    expect(check.kind).toBe('mismatch');
    if (check.kind === 'mismatch') {
      expect(check.mismatches).toEqual([
        { at: 0, code: 'JKK_DEATH_LUMP_SUM', stored: 58_000_000, recomputed: 48_000_000 },
        { at: 'total', code: 'TOTAL', stored: 80_000_000, recomputed: 70_000_000 },
      ]);
      expect(check.recomputed.components[0]?.formula).toBe(
        'max(48 × Rp1,000,000, minimum Rp20,000,000)',
      );
    }
  });

  it('detects changed inputs: the amount follows the inputs, not the stored number', () => {
    const explanation = stored(
      value(jkkDeathBenefit({ incidentDate: '2024-01-01', segment: 'bpu', wage: 1_000_000 }))
        .explanation,
    );
    const first = explanation.components[0];
    if (first === undefined) throw new Error('no component');
    const check = value(
      verifyExplanation({
        ...explanation,
        components: [{ ...first, inputs: { wage: 2_000_000 } }, ...explanation.components.slice(1)],
      }),
    );
    expect(check.kind).toBe('mismatch');
  });

  it('recomputes under the named rule set, so a rule change shows up as a different amount', () => {
    const explanation = stored(
      value(jkkDeathBenefit({ incidentDate: '2024-01-01', segment: 'bpu', wage: 1_000_000 }))
        .explanation,
    );
    expect(value(recompute({ ...explanation, ruleSetId: 'PP44-2015' })).total).toBe(
      48_000_000 + 4_800_000 + 3_000_000,
    );
  });

  it.each([
    [{ ruleSetId: 'PP1-1900' }, 'UNKNOWN_RULE_SET'],
    [{ components: [{ code: 'JKK_BONUS', inputs: {} }] }, 'UNKNOWN_COMPONENT'],
    [{ components: [{ code: 'JKK_DEATH_LUMP_SUM', inputs: {} }] }, 'INVALID_AMOUNT'],
    [
      { components: [{ code: 'JKK_DEATH_LUMP_SUM', inputs: { wage: 1_000_000, bonus: 1 } }] },
      'INVALID_COMPONENT_INPUT',
    ],
    [{ components: [{ code: 'JKK_DEATH_LUMP_SUM', inputs: { wage: 1.5 } }] }, 'FRACTIONAL_AMOUNT'],
    [
      { components: [{ code: 'JKK_TRANSPORT', inputs: { mode: 'rocket', claimedAmount: 1 } }] },
      'UNKNOWN_VALUE',
    ],
    [
      {
        components: [
          {
            code: 'SCHOLARSHIP_INSTALMENT',
            inputs: { level: 'S3', yearsPaidAtLevel: 0, totalPaidToChild: 0 },
          },
        ],
      },
      'UNKNOWN_LEVEL',
    ],
    [
      {
        components: [
          {
            code: 'SCHOLARSHIP_INSTALMENT',
            inputs: { level: 'SMP', yearsPaidAtLevel: 3, totalPaidToChild: 0 },
          },
        ],
      },
      'COMPONENT_NOT_APPLICABLE',
    ],
    [
      {
        components: [
          { code: 'JKK_HOME_CARE', inputs: { careStartDate: '2025-01-01', costs: 'lots' } },
        ],
      },
      'INVALID_COMPONENT_INPUT',
    ],
    [
      {
        components: [
          {
            code: 'JKM_BPU_EARLY_DEATH',
            inputs: { segment: 'bpu', firstPaidMonth: '2026-04', deathDate: '2026-03-31' },
          },
        ],
      },
      'DATES_OUT_OF_ORDER',
    ],
    [
      {
        ruleSetId: 'PP82-2019',
        components: [
          {
            code: 'JKM_BPU_EARLY_DEATH',
            inputs: { segment: 'bpu', firstPaidMonth: '2025-04', deathDate: '2025-05-01' },
          },
        ],
      },
      'COMPONENT_NOT_APPLICABLE',
    ],
    [
      {
        ruleSetId: 'PP82-2019',
        components: [
          { code: 'SCHOLARSHIP_FLAT', inputs: { route: 'jkk-death', masaIurMonths: null } },
        ],
      },
      'COMPONENT_NOT_APPLICABLE',
    ],
  ])('rejects a corrupted explanation %p with %s', (override, code) => {
    const input = { ruleSetId: 'PP50-2025', components: [], ...override } as StoredExplanation;
    expect(failure(recompute(input)).code).toBe(code);
  });
});

describe('mergeExplanations', () => {
  it('refuses to merge explanations under different rule sets', () => {
    const a = value(
      jkkDeathBenefit({ incidentDate: '2024-01-01', segment: 'bpu', wage: 1_000_000 }),
    ).explanation;
    const b = value(
      jkkDeathBenefit({ incidentDate: '2019-01-01', segment: 'bpu', wage: 1_000_000 }),
    ).explanation;
    expect(failure(mergeExplanations(a, b)).code).toBe('MIXED_RULE_SETS');
    expect(value(mergeExplanations(a, a)).total).toBe(140_000_000);
  });
});
