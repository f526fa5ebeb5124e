import {
  childConditions,
  parseIsoDate,
  projectScholarshipInstalments,
  scholarshipInstalment,
  scholarshipYearOf,
  selectScholarshipChildren,
  verifyExplanation,
  type ChildWork,
  type ScholarshipChild,
  type ScholarshipInstalmentDecision,
  type ScholarshipInstalmentInput,
  type ScholarshipLevel,
  type ScholarshipPayment,
} from '@santunan/rules';
import { failure, value } from '../__tests__/helpers';

const child: ScholarshipChild = {
  birthDate: '2012-03-15',
  married: false,
  work: { kind: 'not-working' },
  registered: true,
};

const application = (
  override: Partial<ScholarshipInstalmentInput> = {},
): ScholarshipInstalmentInput => ({
  incidentDate: '2024-02-10',
  route: 'jkk-death',
  applicationDate: '2025-08-01',
  child,
  level: 'SMP',
  previousPayments: [],
  ...override,
});

function paid(decision: ScholarshipInstalmentDecision): number {
  if (decision.kind !== 'payable')
    throw new Error(`not payable: ${JSON.stringify(decision.reasons)}`);
  return decision.explanation.total;
}

function reasons(decision: ScholarshipInstalmentDecision): string[] {
  return decision.kind === 'not-payable' ? decision.reasons.map((reason) => reason.code) : [];
}

describe('scholarship year', () => {
  it.each([
    ['2026-06-30', '2025/2026'],
    ['2026-07-01', '2026/2027'],
    ['2026-01-15', '2025/2026'],
  ])('%s is in %s (July–June)', (date, year) => {
    expect(scholarshipYearOf(value(parseIsoDate(date)))).toBe(year);
  });
});

describe('scholarship instalment', () => {
  it.each([
    ['TK-SD', 1_500_000],
    ['SMP', 2_000_000],
    ['SMA', 3_000_000],
    ['PT', 12_000_000],
  ] as const)('pays %s at %p a year', (level, amount) => {
    const decision = value(scholarshipInstalment(application({ level })));
    expect(paid(decision)).toBe(amount);
    if (decision.kind === 'payable') {
      expect(decision.scholarshipYear).toBe('2025/2026');
      expect(decision.ruleSetId).toBe('PP37-2021');
      expect(decision.childConditionsRuleSetId).toBe('PERMENAKER1-2025');
      expect(value(verifyExplanation(decision.explanation)).kind).toBe('match');
    }
  });

  it.each([
    ['2026-08-31', true],
    ['2026-09-01', false],
  ])(
    'a child born 2003-09-01 applying on %s: payable %p (under 23 on the application date)',
    (applicationDate, payable) => {
      const decision = value(
        scholarshipInstalment(
          application({
            applicationDate,
            level: 'PT',
            child: { ...child, birthDate: '2003-09-01' },
          }),
        ),
      );
      expect(decision.kind === 'payable').toBe(payable);
      if (!payable) expect(reasons(decision)).toEqual(['CHILD_AGE_LIMIT_REACHED']);
    },
  );

  it.each([
    ['2024-08-01', { kind: 'pu-job', months: 3 }, false],
    ['2025-08-01', { kind: 'pu-job', months: 6 }, true],
    ['2025-08-01', { kind: 'pu-job', months: 7 }, false],
    ['2024-08-01', { kind: 'bpu' }, false],
    ['2025-08-01', { kind: 'bpu' }, true],
    ['2025-08-01', { kind: 'apprenticeship' }, true],
    ['2025-08-01', { kind: 'other-work' }, false],
    ['2025-08-01', { kind: 'not-working' }, true],
  ] as const)(
    'application on %s with work %p: payable %p (2025 exceptions)',
    (applicationDate, work, payable) => {
      const decision = value(
        scholarshipInstalment(
          application({ applicationDate, child: { ...child, work: work as ChildWork } }),
        ),
      );
      expect(decision.kind === 'payable').toBe(payable);
      if (!payable) expect(reasons(decision)).toEqual(['CHILD_WORKING']);
    },
  );

  it('lists every failed condition', () => {
    const decision = value(
      scholarshipInstalment(
        application({
          child: {
            birthDate: '2000-01-01',
            married: true,
            work: { kind: 'other-work' },
            registered: false,
          },
        }),
      ),
    );
    expect(reasons(decision)).toEqual([
      'CHILD_NOT_REGISTERED',
      'CHILD_AGE_LIMIT_REACHED',
      'CHILD_MARRIED',
      'CHILD_WORKING',
    ]);
  });

  it.each([
    ['2026-06-30', false],
    ['2026-07-01', true],
  ])(
    'after a 2025/2026 payment, an application on %s is payable: %p (one per scholarship year)',
    (applicationDate, payable) => {
      const previousPayments: ScholarshipPayment[] = [
        { scholarshipYear: '2025/2026', level: 'SMP', amount: 2_000_000 },
      ];
      const decision = value(
        scholarshipInstalment(application({ applicationDate, previousPayments })),
      );
      expect(decision.kind === 'payable').toBe(payable);
      if (!payable) expect(reasons(decision)).toEqual(['ALREADY_PAID_THIS_SCHOLARSHIP_YEAR']);
    },
  );

  it('stops a level after its maximum years, counting only years paid under this entitlement', () => {
    const smp = (year: string): ScholarshipPayment => ({
      scholarshipYear: year,
      level: 'SMP',
      amount: 2_000_000,
    });
    const twoYears = [smp('2022/2023'), smp('2023/2024')];
    expect(paid(value(scholarshipInstalment(application({ previousPayments: twoYears }))))).toBe(
      2_000_000,
    );
    const threeYears = [...twoYears, smp('2024/2025')];
    expect(
      reasons(value(scholarshipInstalment(application({ previousPayments: threeYears })))),
    ).toEqual(['LEVEL_YEARS_EXHAUSTED']);
    expect(
      paid(
        value(scholarshipInstalment(application({ previousPayments: threeYears, level: 'SMA' }))),
      ),
    ).toBe(3_000_000);
  });

  it('never pays past the per-child maximum of 87,000,000', () => {
    const history = (amount: number): ScholarshipPayment[] => [
      { scholarshipYear: '2020/2021', level: 'PT', amount },
    ];
    const limited = value(
      scholarshipInstalment(application({ level: 'SMA', previousPayments: history(86_000_000) })),
    );
    expect(paid(limited)).toBe(1_000_000);
    if (limited.kind === 'payable')
      expect(limited.explanation.components[0]?.formula).toContain(
        'limited to the Rp1,000,000 left',
      );
    expect(
      reasons(value(scholarshipInstalment(application({ previousPayments: history(87_000_000) })))),
    ).toEqual(['PER_CHILD_MAXIMUM_REACHED']);
  });

  it('needs the route to give a yearly scholarship', () => {
    const jkm = (masaIurMonths: number): ScholarshipInstalmentDecision =>
      value(scholarshipInstalment(application({ route: 'jkm-death', masaIurMonths })));
    expect(reasons(jkm(35))).toEqual(['NO_SCHOLARSHIP_ENTITLEMENT']);
    expect(paid(jkm(36))).toBe(2_000_000);
    const pp44 = value(scholarshipInstalment(application({ incidentDate: '2019-11-30' })));
    expect(reasons(pp44)).toEqual(['FLAT_SCHOLARSHIP_PAID_WITH_BENEFIT']);
  });

  it.each([
    [{ level: 'S3' as ScholarshipLevel }, 'UNKNOWN_LEVEL'],
    [{ applicationDate: '2024-02-09' }, 'DATES_OUT_OF_ORDER'],
    [{ applicationDate: '2025-02-30' }, 'INVALID_DATE'],
    [{ route: 'jkm-death' as const }, 'INVALID_INPUT'],
    [
      { previousPayments: [{ scholarshipYear: '2024-2025', level: 'SMP' as const, amount: 1 }] },
      'INVALID_SCHOLARSHIP_YEAR',
    ],
    [
      { previousPayments: [{ scholarshipYear: '2024/2025', level: 'SMP' as const, amount: -1 }] },
      'NEGATIVE_AMOUNT',
    ],
    [{ child: { ...child, work: { kind: 'pu-job' as const, months: -2 } } }, 'INVALID_COUNT'],
  ])('rejects %p with %s', (override, code) => {
    expect(failure(scholarshipInstalment(application(override))).code).toBe(code);
  });
});

describe('child conditions', () => {
  it('reports the age on the application date and the rule set used', () => {
    expect(value(childConditions({ applicationDate: '2025-08-01', child }))).toMatchObject({
      ruleSetId: 'PERMENAKER1-2025',
      ageOnApplication: 13,
      failures: [],
    });
  });
});

describe('selectScholarshipChildren', () => {
  it('takes at most two children registered before the incident, earliest first', () => {
    const selection = value(
      selectScholarshipChildren({
        incidentDate: '2024-02-10',
        children: [
          { id: 'c', registeredOn: '2023-05-01' },
          { id: 'a', registeredOn: '2021-01-01' },
          { id: 'late', registeredOn: '2024-02-11' },
          { id: 'b', registeredOn: '2022-01-01' },
        ],
      }),
    );
    expect(selection.selected.map((c) => c.id)).toEqual(['a', 'b']);
    expect(selection.excluded.map((x) => [x.child.id, x.reason])).toEqual([
      ['late', 'REGISTERED_AFTER_INCIDENT'],
      ['c', 'CHILD_LIMIT_REACHED'],
    ]);
  });

  it('does not apply to the flat PP 44/2015 scholarship and rejects duplicates', () => {
    expect(
      failure(selectScholarshipChildren({ incidentDate: '2019-01-01', children: [] })).code,
    ).toBe('COMPONENT_NOT_APPLICABLE');
    expect(
      failure(
        selectScholarshipChildren({
          incidentDate: '2024-02-10',
          children: [
            { id: 'a', registeredOn: '2021-01-01' },
            { id: 'a', registeredOn: '2021-01-01' },
          ],
        }),
      ).code,
    ).toBe('INVALID_INPUT');
  });
});

describe('projectScholarshipInstalments', () => {
  it('starts a child not yet at school at school age and stops at the per-child maximum', () => {
    const projection = value(
      projectScholarshipInstalments({
        incidentDate: '2024-02-10',
        route: 'jkk-death',
        asOfDate: '2025-08-01',
        childBirthDate: '2022-03-10',
        current: { kind: 'not-yet-in-school' },
        previousPayments: [],
      }),
    );
    const first = projection.instalments[0];
    expect(first).toMatchObject({
      scholarshipYear: '2026/2027',
      level: 'TK-SD',
      yearInLevel: 1,
      ageOnApplication: 4,
    });
    expect(projection.instalments.map((i) => i.level)).toEqual([
      ...Array<string>(8).fill('TK-SD'),
      ...Array<string>(3).fill('SMP'),
      ...Array<string>(3).fill('SMA'),
      ...Array<string>(5).fill('PT'),
    ]);
    expect(projection.instalments.at(-1)).toMatchObject({
      scholarshipYear: '2044/2045',
      ageOnApplication: 22,
    });
    expect(projection.total).toBe(87_000_000);
    expect(projection.end).toBe('PER_CHILD_MAXIMUM');
  });

  it('stops when the child turns 23', () => {
    const projection = value(
      projectScholarshipInstalments({
        incidentDate: '2024-02-10',
        route: 'jkk-ctt',
        asOfDate: '2025-08-01',
        childBirthDate: '2004-10-01',
        current: { kind: 'in-school', level: 'PT', yearInLevel: 1 },
        previousPayments: [],
      }),
    );
    expect(
      projection.instalments.map((i) => [
        i.scholarshipYear,
        i.applicationDate,
        i.ageOnApplication,
        i.amount,
      ]),
    ).toEqual([
      ['2025/2026', '2025-08-01', 20, 12_000_000],
      ['2026/2027', '2026-07-01', 21, 12_000_000],
      ['2027/2028', '2027-07-01', 22, 12_000_000],
    ]);
    expect(projection.end).toBe('AGE_LIMIT');
    expect(projection.total).toBe(36_000_000);
  });

  it('skips a year already paid and levels whose years are used up', () => {
    const projection = value(
      projectScholarshipInstalments({
        incidentDate: '2024-02-10',
        route: 'jkk-death',
        asOfDate: '2025-09-01',
        childBirthDate: '2012-03-15',
        current: { kind: 'in-school', level: 'SMP', yearInLevel: 3 },
        previousPayments: [
          { scholarshipYear: '2024/2025', level: 'SMP', amount: 2_000_000 },
          { scholarshipYear: '2025/2026', level: 'SMP', amount: 2_000_000 },
        ],
      }),
    );
    expect(projection.instalments.map((i) => [i.scholarshipYear, i.level])).toEqual([
      ['2026/2027', 'SMA'],
      ['2027/2028', 'SMA'],
      ['2028/2029', 'SMA'],
      ['2029/2030', 'PT'],
      ['2030/2031', 'PT'],
      ['2031/2032', 'PT'],
      ['2032/2033', 'PT'],
      ['2033/2034', 'PT'],
    ]);
    expect(projection.end).toBe('ALL_LEVELS_DONE');
    expect(projection.total).toBe(9_000_000 + 60_000_000);
  });

  it('projects nothing without a yearly entitlement', () => {
    const base = {
      asOfDate: '2025-08-01',
      childBirthDate: '2015-01-01',
      current: { kind: 'not-yet-in-school' } as const,
      previousPayments: [],
    };
    expect(
      value(
        projectScholarshipInstalments({
          ...base,
          incidentDate: '2024-02-10',
          route: 'jkm-death',
          masaIurMonths: 35,
        }),
      ).end,
    ).toBe('NO_SCHOLARSHIP_ENTITLEMENT');
    expect(
      value(
        projectScholarshipInstalments({ ...base, incidentDate: '2019-02-10', route: 'jkk-death' }),
      ).end,
    ).toBe('FLAT_SCHOLARSHIP_PAID_WITH_BENEFIT');
  });

  it.each([
    [{ current: { kind: 'in-school', level: 'SMP', yearInLevel: 4 } }, 'INVALID_COUNT'],
    [{ current: { kind: 'in-school', level: 'KULIAH', yearInLevel: 1 } }, 'UNKNOWN_LEVEL'],
    [{ childBirthDate: '2026-01-01' }, 'DATES_OUT_OF_ORDER'],
    [
      { assumptions: { schoolEntryAge: 4, yearsPerLevel: { 'TK-SD': 0, SMP: 3, SMA: 3, PT: 5 } } },
      'INVALID_INPUT',
    ],
  ])('rejects %p with %s', (override, code) => {
    const input = {
      incidentDate: '2024-02-10',
      route: 'jkk-death',
      asOfDate: '2025-08-01',
      childBirthDate: '2015-01-01',
      current: { kind: 'not-yet-in-school' },
      previousPayments: [],
      ...override,
    } as Parameters<typeof projectScholarshipInstalments>[0];
    expect(failure(projectScholarshipInstalments(input)).code).toBe(code);
  });
});
