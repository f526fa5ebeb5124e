import {
  jkmDeathBenefit,
  scholarshipEntitlement,
  verifyExplanation,
  type JkmDeathInput,
} from '@santunan/rules';
import { failure, value } from '../__tests__/helpers';

const bpu = (deathDate: string, firstPaidMonth: string, masaIurMonths = 3): JkmDeathInput => ({
  deathDate,
  segment: 'bpu',
  firstPaidMonth,
  masaIurMonths,
});

describe('JKM death', () => {
  it.each([
    ['2025-05-31', 3, 10_000_000, ['JKM_BPU_EARLY_DEATH']],
    ['2025-06-01', 4, 42_000_000, ['JKM_LUMP_SUM', 'JKM_PERIODIC', 'JKM_FUNERAL']],
    ['2025-03-01', 1, 10_000_000, ['JKM_BPU_EARLY_DEATH']],
  ])(
    'a BPU first paid for March 2025 dying on %s (membership month %p) gets %p',
    (deathDate, month, total, codes) => {
      const result = value(jkmDeathBenefit(bpu(deathDate, '2025-03')));
      expect(result.membershipMonth).toBe(month);
      expect(result.explanation.total).toBe(total);
      expect(result.explanation.components.map((component) => component.code)).toEqual(codes);
      expect(value(verifyExplanation(result.explanation)).kind).toBe('match');
    },
  );

  it('pays the early-death amount only: no scholarship', () => {
    const result = value(jkmDeathBenefit(bpu('2025-05-31', '2025-03')));
    expect(result.scholarship).toMatchObject({ kind: 'none', reason: 'BPU_EARLY_DEATH' });
    expect(result.explanation.components[0]?.confidence).toBe('M');
    expect(result.explanation.components[0]?.formula).toBe(
      'Rp10,000,000 only: BPU death in membership month 3 (first paid month 2025-03), within the first 3',
    );
  });

  it('applies the three-month rule from Permenaker 1/2025 (2025-02-24) only', () => {
    expect(value(jkmDeathBenefit(bpu('2025-02-23', '2025-02'))).explanation.total).toBe(42_000_000);
    expect(value(jkmDeathBenefit(bpu('2025-02-24', '2025-02'))).explanation.total).toBe(10_000_000);
  });

  it('does not apply the three-month rule to PU', () => {
    const result = value(
      jkmDeathBenefit({
        deathDate: '2025-05-31',
        segment: 'pu',
        firstPaidMonth: '2025-05',
        masaIurMonths: 1,
      }),
    );
    expect(result.explanation.total).toBe(42_000_000);
    expect(
      value(jkmDeathBenefit({ deathDate: '2025-05-31', segment: 'pu', masaIurMonths: 1 }))
        .membershipMonth,
    ).toBeNull();
  });

  it.each([
    ['2019-12-01', 'PP44-2015', 24_000_000],
    ['2019-12-02', 'PP82-2019', 42_000_000],
  ])('a PU death on %s is decided under %s', (deathDate, ruleSetId, total) => {
    const result = value(
      jkmDeathBenefit({ deathDate, segment: 'pu', firstPaidMonth: '2018-01', masaIurMonths: 23 }),
    );
    expect(result.explanation.ruleSetId).toBe(ruleSetId);
    expect(result.explanation.total).toBe(total);
  });

  it.each([
    [35, 'none'],
    [36, 'yearly-by-level'],
  ])('PP 82/2019: masa iur %p months → scholarship %s', (masaIurMonths, kind) => {
    const result = value(
      jkmDeathBenefit({ deathDate: '2024-01-01', segment: 'pu', masaIurMonths }),
    );
    expect(result.scholarship.kind).toBe(kind);
    expect(result.explanation.total).toBe(42_000_000);
  });

  it.each([
    [59, 24_000_000, 'none'],
    [60, 36_000_000, 'flat-once'],
  ])('PP 44/2015: masa iur %p months → total %p, scholarship %s', (masaIurMonths, total, kind) => {
    const result = value(
      jkmDeathBenefit({ deathDate: '2019-01-01', segment: 'pu', masaIurMonths }),
    );
    expect(result.explanation.total).toBe(total);
    expect(result.scholarship.kind).toBe(kind);
  });

  it.each([
    [{ firstPaidMonth: undefined }, 'INVALID_INPUT'],
    [{ firstPaidMonth: '2025-07' }, 'DATES_OUT_OF_ORDER'],
    [{ firstPaidMonth: '2025-7' }, 'INVALID_YEAR_MONTH'],
    [{ masaIurMonths: -1 }, 'INVALID_COUNT'],
    [{ masaIurMonths: 2.5 }, 'INVALID_COUNT'],
    [{ deathDate: '2025-06-31' }, 'INVALID_DATE'],
    [{ deathDate: '2015-06-30' }, 'NO_RULE_SET_IN_FORCE'],
    [{ segment: 'informal' }, 'UNKNOWN_VALUE'],
  ])('rejects %p with %s', (override, code) => {
    expect(
      failure(jkmDeathBenefit({ ...bpu('2025-06-15', '2025-03'), ...override } as JkmDeathInput))
        .code,
    ).toBe(code);
  });
});

describe('scholarshipEntitlement', () => {
  it.each([
    ['jkk-death', '2024-01-01', undefined, 'yearly-by-level'],
    ['jkk-ctt', '2024-01-01', undefined, 'yearly-by-level'],
    ['jkm-death', '2024-01-01', 35, 'none'],
    ['jkm-death', '2024-01-01', 36, 'yearly-by-level'],
    ['jkk-death', '2019-12-01', undefined, 'flat-once'],
    ['jkm-death', '2019-12-01', 36, 'none'],
    ['jkm-death', '2019-12-01', 60, 'flat-once'],
  ] as const)('%s on %s with masa iur %p → %s', (route, incidentDate, masaIurMonths, kind) => {
    const input =
      masaIurMonths === undefined
        ? { route, incidentDate }
        : { route, incidentDate, masaIurMonths };
    expect(value(scholarshipEntitlement(input)).entitlement.kind).toBe(kind);
  });

  it('needs the masa iur for the JKM route', () => {
    expect(
      failure(scholarshipEntitlement({ route: 'jkm-death', incidentDate: '2024-01-01' })).code,
    ).toBe('INVALID_INPUT');
  });
});
