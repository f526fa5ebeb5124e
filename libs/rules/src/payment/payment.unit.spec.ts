import {
  benefitPaymentDueDate,
  indonesianWorkingDayCalendar,
  latePaymentCompensation,
  verifyExplanation,
  workingDayCalendar,
} from '@santunan/rules';
import { failure, value } from '../__tests__/helpers';

const calendar = value(indonesianWorkingDayCalendar());

describe('benefit payment due date', () => {
  it.each([
    ['jkk', '2025-08-11', '2025-08-20'], // Mon → 7 working days, 17 Aug on a Sunday
    ['jkk', '2025-03-27', '2025-04-09'], // over Nyepi and Idul Fitri
    ['jkk', '2025-12-19', '2025-12-31'], // over Christmas
    ['jkm', '2025-08-14', '2025-08-19'], // Thu → Fri, Mon, Tue
  ] as const)('%s claim complete on %s is due by %s', (program, completeClaimDate, dueDate) => {
    expect(value(benefitPaymentDueDate({ program, completeClaimDate, calendar })).dueDate).toBe(
      dueDate,
    );
  });

  it('marks the JKK deadline H and the JKM service level M', () => {
    expect(
      value(benefitPaymentDueDate({ program: 'jkk', completeClaimDate: '2025-08-11', calendar }))
        .provenance.confidence,
    ).toBe('H');
    expect(
      value(benefitPaymentDueDate({ program: 'jkm', completeClaimDate: '2025-08-11', calendar }))
        .provenance.confidence,
    ).toBe('M');
  });

  it('fails outside the holiday data rather than guessing', () => {
    expect(
      failure(benefitPaymentDueDate({ program: 'jkk', completeClaimDate: '2027-12-27', calendar }))
        .code,
    ).toBe('CALENDAR_NOT_COVERED');
  });
});

describe('late-payment compensation', () => {
  it.each([
    ['2025-08-20', 0, 0],
    ['2025-08-21', 1, 700_000],
    ['2025-08-25', 5, 3_500_000],
  ])(
    'a Rp70,000,000 JKK benefit due 2025-08-20 paid on %s: %p days late, Rp%p',
    (paidDate, daysLate, amount) => {
      const result = value(
        latePaymentCompensation({
          program: 'jkk',
          benefitAmount: 70_000_000,
          completeClaimDate: '2025-08-11',
          paidDate,
          calendar,
        }),
      );
      expect(result.dueDate).toBe('2025-08-20');
      expect(result.daysLate).toBe(daysLate);
      expect(result.explanation.total).toBe(amount);
      expect(value(verifyExplanation(result.explanation)).kind).toBe('match');
    },
  );

  it('rounds down once: 1% × Rp12,345 × 3 days = 370.35 → 370', () => {
    const result = value(
      latePaymentCompensation({
        program: 'jkk',
        benefitAmount: 12_345,
        completeClaimDate: '2025-08-11',
        paidDate: '2025-08-23',
        calendar,
      }),
    );
    expect(result.explanation.total).toBe(370);
    expect(result.explanation.components[0]?.formula).toBe(
      '1% × Rp12,345 × 3 calendar-days late, rounded down',
    );
  });

  it('works on a caller-supplied calendar for older claims', () => {
    const old = value(workingDayCalendar({ id: '2019', holidays: ['2019-12-25', '2020-01-01'] }));
    const result = value(
      latePaymentCompensation({
        program: 'jkk',
        benefitAmount: 1_000_000,
        completeClaimDate: '2019-12-20',
        paidDate: '2020-01-06',
        calendar: old,
      }),
    );
    expect(result.dueDate).toBe('2020-01-02');
    expect(result.daysLate).toBe(4);
    expect(result.explanation.total).toBe(40_000);
    expect(result.explanation.ruleSetId).toBe('PP82-2019');
  });

  it.each([
    [{ benefitAmount: -1 }, 'NEGATIVE_AMOUNT'],
    [{ benefitAmount: 0.5 }, 'FRACTIONAL_AMOUNT'],
    [{ paidDate: '2025-08-10' }, 'DATES_OUT_OF_ORDER'],
    [{ paidDate: '2025-08-32' }, 'INVALID_DATE'],
    [{ program: 'jht' }, 'UNKNOWN_VALUE'],
  ])('rejects %p with %s', (override, code) => {
    const input = {
      program: 'jkk' as const,
      benefitAmount: 1_000_000,
      completeClaimDate: '2025-08-11',
      paidDate: '2025-08-25',
      calendar,
      ...override,
    } as Parameters<typeof latePaymentCompensation>[0];
    expect(failure(latePaymentCompensation(input)).code).toBe(code);
  });
});
