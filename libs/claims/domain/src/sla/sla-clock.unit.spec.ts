import { benefitPaymentDueDate } from '@santunan/rules';
import { CALENDAR } from '../__tests__/fixtures';
import { isOverdue, slaDueDate, slaStatusOn, type SlaClock } from './sla-clock';

const due = (clock: SlaClock, program: 'jkk' | 'jkm' = 'jkk') => {
  const result = slaDueDate({ program, clock, calendar: CALENDAR });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('the payment SLA clock', () => {
  it('has no due date before the documents are complete', () => {
    expect(due({ startedOn: null, pauses: [] })).toEqual({ kind: 'not-started' });
  });

  it.each<['jkk' | 'jkm', string, string]>([
    // Monday 2026-03-02 + 7 working days = Wednesday 2026-03-11.
    ['jkk', '2026-03-02', '2026-03-11'],
    // Across Nyepi and Idul Fitri (19–21 March 2026): 7 working days from Wednesday 18 March.
    ['jkk', '2026-03-18', '2026-03-31'],
    ['jkm', '2026-03-02', '2026-03-05'],
  ])('%s from %s is due on %s, as the rules library says', (program, startedOn, expected) => {
    const result = due({ startedOn, pauses: [] }, program);
    expect(result).toMatchObject({ kind: 'running', dueDate: expected, pausedWorkingDays: 0 });
    const library = benefitPaymentDueDate({
      program,
      completeClaimDate: startedOn,
      calendar: CALENDAR,
    });
    expect(library.ok && library.value.dueDate).toBe(expected);
  });

  it('stands still while requested documents are awaited, and runs on when they arrive', () => {
    // Started Monday 2 March; documents requested Wednesday 4 March (2 working days used),
    // received Monday 9 March: the 5 remaining working days run from Tuesday 10 March.
    const clock: SlaClock = {
      startedOn: '2026-03-02',
      pauses: [{ from: '2026-03-04', until: '2026-03-09', reason: 'documents-requested' }],
    };
    expect(due(clock)).toMatchObject({
      kind: 'running',
      dueDate: '2026-03-16',
      pausedWorkingDays: 3,
    });
  });

  it('has no due date while a pause is open', () => {
    const clock: SlaClock = {
      startedOn: '2026-03-02',
      pauses: [{ from: '2026-03-04', until: null, reason: 'pending-contribution' }],
    };
    expect(due(clock)).toEqual({
      kind: 'paused',
      since: '2026-03-04',
      reason: 'pending-contribution',
      workingDays: 7,
      workingDaysUsed: 2,
    });
  });

  it('a request and its answer on the same day cost no time', () => {
    const clock: SlaClock = {
      startedOn: '2026-03-02',
      pauses: [{ from: '2026-03-04', until: '2026-03-04', reason: 'documents-requested' }],
    };
    expect(due(clock)).toMatchObject({ dueDate: '2026-03-11', pausedWorkingDays: 0 });
  });

  it.each<[string, string | null, string, Record<string, unknown>]>([
    ['on the due date', null, '2026-03-11', { kind: 'on-time' }],
    ['the day after the due date', null, '2026-03-12', { kind: 'overdue', daysOverdue: 1 }],
    ['paid on time, asked later', '2026-03-10', '2026-04-01', { kind: 'paid-on-time' }],
    ['paid late', '2026-03-14', '2026-04-01', { kind: 'paid-late', daysLate: 3 }],
    [
      'paid later than the day asked about',
      '2026-03-14',
      '2026-03-13',
      { kind: 'overdue', daysOverdue: 2 },
    ],
  ])('a JKK claim complete on 2 March 2026, %s', (_label, paidOn, on, expected) => {
    const input = {
      program: 'jkk' as const,
      clock: { startedOn: '2026-03-02', pauses: [] },
      calendar: CALENDAR,
      on,
      paidOn,
    };
    const status = slaStatusOn(input);
    expect(status.ok && status.value).toMatchObject({ dueDate: '2026-03-11', ...expected });
    const overdue = isOverdue(input);
    expect(overdue.ok && overdue.value).toBe(expected['kind'] === 'overdue');
  });

  it('refuses to guess outside the holiday calendar', () => {
    expect(
      slaDueDate({
        program: 'jkk',
        clock: { startedOn: '2024-03-01', pauses: [] },
        calendar: CALENDAR,
      }).ok,
    ).toBe(false);
  });
});
