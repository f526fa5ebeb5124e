import {
  indonesianWorkingDayCalendar,
  puContribution,
  puInvoiceLine,
  puLateFee,
  puReliefFor,
  parseYearMonth,
  verifyExplanation,
  workingDayCalendar,
  type Explanation,
  type LateFeePartMonths,
  type PuInvoiceLine,
  type PuInvoiceLineInput,
  type PuLateFeeInput,
  type StoredExplanation,
} from '@santunan/rules';
import { failure, value } from '../__tests__/helpers';
import { isoDate } from '../calendar/iso-date';
import { monthsOfDelay } from './pu-late-fee';

// Rules reference §10 (PU). The shipped holiday calendar knows 2025–2027; earlier months use a
// Monday-to-Friday calendar (plus the holidays a test names).
const calendar2025 = value(indonesianWorkingDayCalendar());
const weekdays = value(workingDayCalendar({ id: 'weekdays', holidays: [], coverage: null }));
const calendarFor = (month: string) => (month >= '2025-01' ? calendar2025 : weekdays);

const amounts = (explanation: Explanation): number[] =>
  explanation.components.map((component) => component.amount);
const codes = (explanation: Explanation): string[] =>
  explanation.components.map((component) => component.code);
const stored = (explanation: Explanation): StoredExplanation =>
  JSON.parse(JSON.stringify(explanation)) as StoredExplanation;

function line(
  overrides: Partial<PuInvoiceLineInput> & { contributionMonth: string },
): PuInvoiceLine {
  return value(
    puInvoiceLine({
      wage: 5_000_000,
      riskClass: 3,
      jkpParticipant: true,
      employerInArrears: false,
      employerPaidThrough: null,
      calendar: calendarFor(overrides.contributionMonth),
      ...overrides,
    }),
  );
}

/** [JKK, JKP from JKK, JKP from JKM, JKM], or [JKK, JKM] under a set with no JKP allocation. */
const parts = (invoice: PuInvoiceLine): number[] => amounts(invoice.allocation.explanation);

describe('PU invoice line: the bill and its allocation (§10 worked examples)', () => {
  it('wage Rp5,000,000, risk class 3, JKP participant, 2026-01 → bill 44,500 + 15,000; JKK 37,500 / JKP 7,000 / JKM 15,000', () => {
    const invoice = line({ contributionMonth: '2026-01' });
    expect(invoice.bill.ruleSetId).toBe('PP50-2025');
    expect(codes(invoice.bill)).toEqual(['PU_JKK_CONTRIBUTION', 'PU_JKM_CONTRIBUTION']);
    expect(amounts(invoice.bill)).toEqual([44_500, 15_000]);
    expect(codes(invoice.allocation.explanation)).toEqual([
      'PU_ALLOCATION_JKK',
      'PU_ALLOCATION_JKP_FROM_JKK',
      'PU_ALLOCATION_JKP_FROM_JKM',
      'PU_ALLOCATION_JKM',
    ]);
    expect(parts(invoice)).toEqual([37_500, 7_000, 0, 15_000]);
    expect(invoice.allocation).toMatchObject({ jkk: 37_500, jkp: 7_000, jkm: 15_000 });
    expect(invoice.allocation.explanation.total).toBe(59_500);
    expect(invoice.allocation.jkpAllocation.applies).toBe(true);
    expect(invoice.due).toMatchObject({ nominalDueDate: '2026-02-15', dueDate: '2026-02-16' }); // Sunday → Monday
  });

  it('the same worker for 2023-06 (PP 37/2021) → JKK 37,500 / JKP 7,000 + 5,000 = 12,000 / JKM 10,000', () => {
    const invoice = line({ contributionMonth: '2023-06' });
    expect(invoice.bill.ruleSetId).toBe('PP37-2021');
    expect(amounts(invoice.bill)).toEqual([44_500, 15_000]);
    expect(parts(invoice)).toEqual([37_500, 7_000, 5_000, 10_000]);
    expect(invoice.allocation).toMatchObject({ jkk: 37_500, jkp: 12_000, jkm: 10_000 });
    expect(invoice.due).toMatchObject({ nominalDueDate: '2023-07-15', dueDate: '2023-07-17' });
  });

  it('wage Rp8,000,000, class 1, 2026-01 → bill 19,200 + 24,000; JKP 0.14% of the Rp5,000,000 cap = 7,000; JKK 12,200', () => {
    const invoice = line({ contributionMonth: '2026-01', wage: 8_000_000, riskClass: 1 });
    expect(amounts(invoice.bill)).toEqual([19_200, 24_000]);
    expect(parts(invoice)).toEqual([12_200, 7_000, 0, 24_000]);
    const [jkk, jkpFromJkk] = invoice.allocation.explanation.components;
    expect(jkpFromJkk?.formula).toBe(
      '0.14% × Rp5,000,000 (the wage Rp8,000,000 capped at the JKP wage cap Rp5,000,000), rounded half up',
    );
    expect(jkpFromJkk?.confidence).toBe('M'); // the cap is a named policy
    expect(jkpFromJkk?.legalBasis).toContain('JKP recomposition on the JKP wage cap');
    expect(jkk?.formula).toBe(
      'JKK contribution Rp19,200 (0.24% (risk class 1) × Rp8,000,000, rounded half up) − Rp7,000 to JKP',
    );
  });

  it('takes both JKP shares on the capped wage under PP 37/2021: wage Rp10,000,000 in 2023 → JKM keeps 30,000 − 5,000', () => {
    const invoice = line({ contributionMonth: '2023-06', wage: 10_000_000 });
    expect(amounts(invoice.bill)).toEqual([89_000, 30_000]);
    expect(parts(invoice)).toEqual([82_000, 7_000, 5_000, 25_000]);
  });

  it('the employer’s bill is the same as puContribution’s, with or without JKP', () => {
    for (const jkpParticipant of [true, false]) {
      const invoice = line({ contributionMonth: '2024-06', jkpParticipant });
      const plain = value(
        puContribution({ contributionMonth: '2024-06', wage: 5_000_000, riskClass: 3 }),
      );
      expect(invoice.bill).toEqual(plain.explanation);
    }
  });
});

describe('allocation periods (a contribution month follows the set in force on its first day)', () => {
  it.each([
    ['2021-02', 'PP49-2020', [44_500, 15_000], 0],
    ['2021-03', 'PP37-2021', [37_500, 7_000, 5_000, 10_000], 12_000],
    ['2025-02', 'PP37-2021', [37_500, 7_000, 5_000, 10_000], 12_000],
    ['2025-03', 'PERMENAKER1-2025', [37_500, 7_000, 0, 15_000], 7_000],
  ])('%s is billed under %s: parts %p, JKP %p', (contributionMonth, ruleSetId, expected, jkp) => {
    const invoice = line({ contributionMonth });
    expect(invoice.bill.ruleSetId).toBe(ruleSetId);
    expect(invoice.allocation.explanation.ruleSetId).toBe(ruleSetId);
    expect(amounts(invoice.bill)).toEqual([44_500, 15_000]);
    expect(parts(invoice)).toEqual(expected);
    expect(invoice.allocation.jkp).toBe(jkp);
  });

  it('before PP 37/2021 JKK and JKM keep their whole contribution, and say why', () => {
    const invoice = line({ contributionMonth: '2021-02' });
    expect(invoice.allocation.jkpAllocation).toEqual({
      applies: false,
      reason: 'NO_ALLOCATION_IN_RULE_SET',
    });
    expect(codes(invoice.allocation.explanation)).toEqual([
      'PU_ALLOCATION_JKK',
      'PU_ALLOCATION_JKM',
    ]);
    expect(invoice.allocation.explanation.components[0]?.formula).toBe(
      'the whole JKK contribution Rp44,500 (0.89% (risk class 3) × Rp5,000,000, rounded half up); PP49-2020 allocates nothing to JKP',
    );
  });

  it.each([
    [
      { jkpParticipant: false },
      'NOT_A_JKP_PARTICIPANT',
      'the worker is not a JKP participant',
      'H',
    ],
    [{ employerInArrears: true }, 'EMPLOYER_IN_ARREARS', 'the employer is in arrears', 'M'],
  ] as const)('%p: nothing goes to JKP (%s)', (override, reason, why, confidence) => {
    for (const contributionMonth of ['2023-06', '2026-01']) {
      const invoice = line({ contributionMonth, ...override });
      expect(invoice.allocation.jkpAllocation).toEqual({ applies: false, reason });
      expect(amounts(invoice.bill)).toEqual([44_500, 15_000]);
      expect(parts(invoice)).toEqual([44_500, 0, 0, 15_000]);
      expect(invoice.allocation.jkp).toBe(0);
      const jkpFromJkk = invoice.allocation.explanation.components[1];
      expect(jkpFromJkk?.formula).toBe(`nothing from JKK to JKP: ${why}`);
      expect(jkpFromJkk?.confidence).toBe(confidence);
    }
  });

  it('an employer in arrears with a worker outside JKP: the worker’s status is the reason', () => {
    const invoice = line({
      contributionMonth: '2026-01',
      jkpParticipant: false,
      employerInArrears: true,
    });
    expect(invoice.allocation.jkpAllocation).toEqual({
      applies: false,
      reason: 'NOT_A_JKP_PARTICIPANT',
    });
  });
});

describe('PP 49/2020 relief (contribution months 2020-08 … 2021-01)', () => {
  const paidUp = { employerPaidThrough: '2020-07' };

  it.each([
    ['2020-07', false, 'PP82-2019', [44_500, 15_000], '2020-08-15', '2020-08-17'],
    ['2020-08', true, 'PP82-2019', [445, 150], '2020-09-30', '2020-09-30'],
    ['2020-12', true, 'PP49-2020', [445, 150], '2021-01-30', '2021-02-01'],
    ['2021-01', true, 'PP49-2020', [445, 150], '2021-02-28', '2021-03-01'],
    ['2021-02', false, 'PP49-2020', [44_500, 15_000], '2021-03-15', '2021-03-15'],
  ])(
    '%s: relief %p, billed under %s, bill %p, due nominally %s, on %s',
    (contributionMonth, applies, ruleSetId, bill, nominal, due) => {
      const invoice = line({ contributionMonth, ...paidUp });
      expect(invoice.relief.applies).toBe(applies);
      expect(invoice.bill.ruleSetId).toBe(ruleSetId);
      expect(amounts(invoice.bill)).toEqual(bill);
      expect(invoice.due).toMatchObject({ nominalDueDate: nominal, dueDate: due });
      expect(invoice.due.ruleSetId).toBe(applies ? 'PP49-2020' : ruleSetId);
      // No JKP before contribution month 2021-03: the allocation is the bill itself.
      expect(parts(invoice)).toEqual(bill);
    },
  );

  it('is found by its window although PP 49/2020 came after August 2020 began, and explains itself', () => {
    const invoice = line({ contributionMonth: '2020-08', ...paidUp });
    expect(invoice.relief).toMatchObject({
      applies: true,
      ruleSetId: 'PP49-2020',
      payableShare: 100,
    });
    expect(codes(invoice.bill)).toEqual([
      'PU_JKK_RELIEF_CONTRIBUTION',
      'PU_JKM_RELIEF_CONTRIBUTION',
    ]);
    const [jkk, jkm] = invoice.bill.components;
    expect(jkk?.formula).toBe(
      '0.89% (risk class 3) × Rp5,000,000 × 1% (PP49-2020 relief), rounded half up',
    );
    expect(jkm?.formula).toBe('0.3% × Rp5,000,000 × 1% (PP49-2020 relief), rounded half up');
    expect(jkk?.legalBasis).toContain('PP 49/2020');
    expect(jkk?.confidence).toBe('H');
    expect(jkk?.inputs).toEqual({
      contributionMonth: '2020-08',
      employerPaidThrough: '2020-07',
      wage: 5_000_000,
      riskClass: 3,
    });
  });

  it('rounds once: JKM 0.30% × Rp4,983,200 × 1% = 149.496 → 149 (not 14,950 × 1% = 149.5 → 150)', () => {
    const invoice = line({ contributionMonth: '2020-10', wage: 4_983_200, ...paidUp });
    expect(amounts(invoice.bill)).toEqual([444, 149]); // JKK 443.5048 → 444
  });

  it.each([
    [null, 'EMPLOYER_NOT_PAID_UP'],
    ['2020-06', 'EMPLOYER_NOT_PAID_UP'],
  ])(
    'not for an employer paid through %p (%s): full bill, due the 15th',
    (employerPaidThrough, reason) => {
      const invoice = line({ contributionMonth: '2020-09', employerPaidThrough });
      expect(invoice.relief).toEqual({ applies: false, reason, requiredPaidThrough: '2020-07' });
      expect(codes(invoice.bill)).toEqual(['PU_JKK_CONTRIBUTION', 'PU_JKM_CONTRIBUTION']);
      expect(amounts(invoice.bill)).toEqual([44_500, 15_000]);
      expect(invoice.due.dueDate).toBe('2020-10-15');
    },
  );

  it('for an employer paid through a later month too', () => {
    expect(
      line({ contributionMonth: '2020-09', employerPaidThrough: '2020-08' }).relief.applies,
    ).toBe(true);
  });

  it('moves the 30th to the next working day like the normal PU due date', () => {
    const cutiBersama = value(
      workingDayCalendar({ id: 'oct-2020', holidays: ['2020-10-28', '2020-10-29', '2020-10-30'] }),
    );
    const invoice = line({ contributionMonth: '2020-09', ...paidUp, calendar: cutiBersama });
    expect(invoice.due).toMatchObject({ nominalDueDate: '2020-10-30', dueDate: '2020-11-02' });
    expect(invoice.due.provenance.confidence).toBe('L');
  });

  it.each([
    ['2020-07', { applies: false, reason: 'OUTSIDE_RELIEF_PERIOD' }],
    ['2021-02', { applies: false, reason: 'OUTSIDE_RELIEF_PERIOD' }],
    ['2026-01', { applies: false, reason: 'OUTSIDE_RELIEF_PERIOD' }],
  ])('puReliefFor(%s) → %p', (month, decision) => {
    expect(puReliefFor(value(parseYearMonth(month)), value(parseYearMonth('2020-07')))).toEqual(
      decision,
    );
  });
});

describe('PU invoice line input', () => {
  it.each([
    [{ riskClass: 6 }, 'UNKNOWN_RISK_CLASS'],
    [{ wage: 0 }, 'INVALID_WAGE'],
    [{ wage: -1 }, 'NEGATIVE_AMOUNT'],
    [{ wage: 1.5 }, 'FRACTIONAL_AMOUNT'],
    [{ contributionMonth: '2015-06' }, 'NO_RULE_SET_IN_FORCE'],
    [{ contributionMonth: '2026-13' }, 'INVALID_YEAR_MONTH'],
    [{ employerPaidThrough: '2020-7' }, 'INVALID_YEAR_MONTH'],
    [{ jkpParticipant: 'yes' }, 'INVALID_INPUT'],
    [{ employerInArrears: null }, 'INVALID_INPUT'],
    [{ contributionMonth: '2024-06', calendar: calendar2025 }, 'CALENDAR_NOT_COVERED'],
  ])('rejects %p with %s', (override, code) => {
    const input = {
      contributionMonth: '2026-01',
      wage: 5_000_000,
      riskClass: 3,
      jkpParticipant: true,
      employerInArrears: false,
      employerPaidThrough: null,
      calendar: calendar2025,
      ...override,
    } as PuInvoiceLineInput;
    expect(failure(puInvoiceLine(input)).code).toBe(code);
  });
});

describe('months of delay for the PU late fee', () => {
  const months = (
    due: string,
    paid: string,
    rule: LateFeePartMonths = 'started-month-counts-whole',
  ): number => monthsOfDelay(isoDate(due), isoDate(paid), rule);

  it.each([
    ['2026-01-15', '2026-01-14', 0], // early
    ['2026-01-15', '2026-01-15', 0], // on the due date
    ['2026-01-15', '2026-01-16', 1], // one day late: a started month counts whole
    ['2026-01-15', '2026-02-15', 1], // exactly one month late
    ['2026-01-15', '2026-02-16', 2],
    ['2026-01-31', '2026-02-28', 1], // the 31st: the first month ends on February's last day
    ['2026-01-31', '2026-03-01', 2],
    ['2026-01-31', '2026-03-31', 2], // counted from the due date, so no drift to the 28th
    ['2026-01-31', '2026-04-01', 3],
    ['2024-01-31', '2024-02-29', 1], // leap year
    ['2024-01-31', '2024-03-01', 2],
    ['2026-02-28', '2026-03-28', 1], // the 28th stays the 28th
    ['2026-02-28', '2026-03-29', 2],
    ['2025-12-15', '2026-01-16', 2], // across the year end
    ['2026-01-15', '2027-01-15', 12],
  ])('due %s, paid %s: %p month(s)', (due, paid, expected) => {
    expect(months(due, paid)).toBe(expected);
  });

  it.each([
    ['2026-01-15', '2026-01-16', 0],
    ['2026-01-15', '2026-02-14', 0],
    ['2026-01-15', '2026-02-15', 1],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-31', '2026-03-30', 1],
    ['2026-01-31', '2026-03-31', 2],
  ])('with completed months only: due %s, paid %s → %p', (due, paid, expected) => {
    expect(months(due, paid, 'completed-months-only')).toBe(expected);
  });
});

describe('PU late fee', () => {
  const fee = (overrides: Partial<PuLateFeeInput>) =>
    value(
      puLateFee({
        contributionMonth: '2025-12', // due 2026-01-15, a Thursday
        amountOwed: 59_500,
        paidOn: '2026-01-15',
        employerPaidThrough: null,
        calendar: calendar2025,
        ...overrides,
      }),
    );

  it.each([
    ['2026-01-15', 0, 0],
    ['2026-01-16', 1, 1_190],
    ['2026-02-15', 1, 1_190],
    ['2026-02-16', 2, 2_380],
    ['2026-07-16', 7, 8_330],
  ])(
    '2%% a month on Rp59,500 due 2026-01-15, paid %s: %p month(s), Rp%p',
    (paidOn, monthsLate, amount) => {
      const result = fee({ paidOn });
      expect(result.due.dueDate).toBe('2026-01-15');
      expect(result.monthsLate).toBe(monthsLate);
      expect(result.explanation.total).toBe(amount);
      expect(codes(result.explanation)).toEqual(['PU_LATE_FEE']);
    },
  );

  it('explains the fee with its rate, months, basis and the part-month policy', () => {
    const [component] = fee({ paidOn: '2026-02-16' }).explanation.components;
    expect(component).toMatchObject({
      code: 'PU_LATE_FEE',
      formula:
        '2% × 2 months of delay (due 2026-01-15, paid 2026-02-16) × Rp59,500, rounded half up',
      confidence: 'M',
      inputs: {
        contributionMonth: '2025-12',
        employerPaidThrough: null,
        amountOwed: 59_500,
        dueDate: '2026-01-15',
        paidOn: '2026-02-16',
      },
      amount: 2_380,
    });
    expect(component?.legalBasis).toContain('PP 44/2015');
    expect(component?.legalBasis).toContain('late-fee part months');
    expect(fee({}).explanation.components[0]?.formula).toBe(
      'paid on 2026-01-15, on or before the due date 2026-01-15: no late fee',
    );
  });

  it('rounds half up once: 2% × Rp1,025 = 20.5 → 21', () => {
    expect(fee({ amountOwed: 1_025, paidOn: '2026-01-20' }).explanation.total).toBe(21);
  });

  it('counts from the due date after the move to a working day (2026-01 is due Monday 2026-02-16)', () => {
    const result = fee({ contributionMonth: '2026-01', paidOn: '2026-02-16' });
    expect(result.due).toMatchObject({ nominalDueDate: '2026-02-15', dueDate: '2026-02-16' });
    expect(result.explanation.total).toBe(0);
  });

  it('is 0.5% a month from the 30th in a PP 49/2020 relief month: Rp595 paid 2020-12-31 → 3 months → 8.925 → 9', () => {
    const relief = {
      contributionMonth: '2020-09',
      amountOwed: 595,
      employerPaidThrough: '2020-07',
      calendar: weekdays,
    };
    const late = fee({ ...relief, paidOn: '2020-12-31' });
    expect(late.due.dueDate).toBe('2020-10-30');
    expect(late.monthsLate).toBe(3);
    expect(late.explanation.total).toBe(9);
    expect(late.explanation.components[0]?.formula).toBe(
      '0.5% (PP49-2020 relief) × 3 months of delay (due 2020-10-30, paid 2020-12-31) × Rp595, rounded half up',
    );
    expect(fee({ ...relief, paidOn: '2020-11-02' }).explanation.total).toBe(3); // 2.975
    expect(fee({ ...relief, paidOn: '2020-10-30' }).explanation.total).toBe(0);
  });

  it('is 2% from the 15th for an employer the relief does not cover', () => {
    const result = fee({
      contributionMonth: '2020-09',
      amountOwed: 59_500,
      employerPaidThrough: '2020-05',
      calendar: weekdays,
      paidOn: '2020-10-16',
    });
    expect(result.due.dueDate).toBe('2020-10-15');
    expect(result.explanation.total).toBe(1_190);
  });

  it.each([
    [{ amountOwed: -1 }, 'NEGATIVE_AMOUNT'],
    [{ paidOn: '2026-02-30' }, 'INVALID_DATE'],
    [{ contributionMonth: '2015-01' }, 'NO_RULE_SET_IN_FORCE'],
    [{ employerPaidThrough: 'July' }, 'INVALID_YEAR_MONTH'],
  ])('rejects %p with %s', (override, code) => {
    const input = {
      contributionMonth: '2025-12',
      amountOwed: 59_500,
      paidOn: '2026-01-15',
      employerPaidThrough: null,
      calendar: calendar2025,
      ...override,
    } as PuLateFeeInput;
    expect(failure(puLateFee(input)).code).toBe(code);
  });
});

describe('recomputing PU components from stored inputs', () => {
  it('re-derives the bill, the allocation and the late fee, and refuses inputs that no longer hold', () => {
    const relieved = line({ contributionMonth: '2020-12', employerPaidThrough: '2020-07' });
    const split = line({ contributionMonth: '2023-06' });
    for (const explanation of [
      relieved.bill,
      relieved.allocation.explanation,
      split.bill,
      split.allocation.explanation,
    ]) {
      expect(value(verifyExplanation(stored(explanation))).kind).toBe('match');
    }
    // A relieved component for an employer that was not paid up is refused, not recomputed.
    const tampered = stored(relieved.bill);
    const notPaidUp: StoredExplanation = {
      ...tampered,
      components: tampered.components.map((component) => ({
        ...component,
        inputs: { ...component.inputs, employerPaidThrough: '2020-06' },
      })),
    };
    expect(failure(verifyExplanation(notPaidUp)).code).toBe('COMPONENT_NOT_APPLICABLE');
    // A month paired with another period's set is refused.
    const elsewhere: StoredExplanation = {
      ...stored(split.allocation.explanation),
      ruleSetId: 'PP50-2025',
    };
    expect(failure(verifyExplanation(elsewhere)).code).toBe('COMPONENT_NOT_APPLICABLE');
  });
});
