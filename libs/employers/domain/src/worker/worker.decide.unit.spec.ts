import type { EmployerEvent, WorkerEvent } from '@santunan/contracts/employers';
import { workingDayCalendar } from '@santunan/rules';
import { employerAfter, registered, weekdays } from '../__tests__/fixtures';
import type { RegisterWorker, WorkerCommand, WorkerContext } from './worker.commands';
import { decideWorker, monthlyWageOf } from './worker.decide';
import { evolveWorker, initialWorkerState, wageOn, type WorkerState } from './worker.state';

// Monday 2026-12-07; 7 working days after Monday 2026-11-23 is Wednesday 2026-12-02.
const today = '2026-12-07';
const withEmployer = (...events: EmployerEvent[]): WorkerContext => ({
  today,
  calendar: weekdays,
  employer: employerAfter(...events),
});
const context = withEmployer(registered);
const branchInSoe: EmployerEvent = {
  type: 'EmployerBranchOpened',
  data: {
    npp: '12345678',
    branchId: 'soe',
    name: 'Cabang Soe',
    branchNpp: null,
    regencyCode: '5304',
    openedOn: '2026-03-01',
  },
};

const worker: RegisterWorker = {
  type: 'RegisterWorker',
  participantId: 'p-1',
  nik: '5371011508900001',
  fullName: 'Yohanes Bria',
  birthDate: '1990-08-15',
  sex: 'male',
  branchId: null,
  startedOn: '2026-12-01',
  wage: { basis: 'monthly', amount: 5_000_000 },
  jkpParticipant: true,
};

function after(...commands: WorkerCommand[]): WorkerState {
  return commands.reduce<WorkerState>((state, command) => {
    const decision = decideWorker(command, state, context);
    if (!decision.ok) throw new Error(decision.rejection.message);
    return decision.events.reduce<WorkerState>(
      (folded, event: WorkerEvent) => evolveWorker(folded, event),
      state,
    );
  }, initialWorkerState());
}

describe('registering a worker', () => {
  it('records the person, the wage held to the UMP of the workplace, and an on-time report', () => {
    expect(decideWorker(worker, initialWorkerState(), context)).toEqual({
      ok: true,
      events: [
        {
          type: 'WorkerRegistered',
          data: {
            npp: '12345678',
            participantId: 'p-1',
            nik: '5371011508900001',
            fullName: 'Yohanes Bria',
            birthDate: '1990-08-15',
            sex: 'male',
            branchId: null,
            startedOn: '2026-12-01',
            wage: { basis: 'monthly', amount: 5_000_000, monthlyWage: 5_000_000 },
            minimumWage: {
              ruleId: 'UMP-53-2025-01-01',
              amount: 2_328_969,
              legalBasis: expect.stringContaining('UMP NTT 2025') as string,
              exception: null,
            },
            jkpParticipant: true,
            report: { reportedOn: today, dueBy: '2026-12-10', late: false, workingDaysLate: 0 },
          },
        },
      ],
    });
  });

  it.each<[string, RegisterWorker['wage'], number]>([
    ['a monthly wage', { basis: 'monthly', amount: 3_000_000 }, 3_000_000],
    ['a daily wage × 25', { basis: 'daily', amount: 100_000 }, 2_500_000],
    ['a piece-rate monthly average', { basis: 'piece-rate', amount: 2_400_000 }, 2_400_000],
  ])('takes %s as the monthly wage', (_case, wage, monthly) => {
    expect(monthlyWageOf(wage)).toBe(monthly);
  });

  it.each<[string, Partial<RegisterWorker>, WorkerContext, string]>([
    ['an unknown NPP', {}, withEmployer(), 'EMPLOYER_NOT_REGISTERED'],
    ['a blank name', { fullName: ' ' }, context, 'WORKER_NAME_BLANK'],
    [
      'a start date in the future',
      { startedOn: '2026-12-08' },
      context,
      'WORKER_START_DATE_INVALID',
    ],
    [
      'a start date before birth',
      { startedOn: '1990-01-01' },
      context,
      'WORKER_START_DATE_INVALID',
    ],
    ['an unknown branch', { branchId: 'atambua' }, context, 'BRANCH_UNKNOWN'],
    [
      'a start after the death enrollment recorded',
      {},
      { ...context, personDiedOn: '2026-11-30' },
      'WORKER_DECEASED',
    ],
    [
      'a wage of rupiah and sen',
      { wage: { basis: 'monthly', amount: 2_500_000.5 } },
      context,
      'WAGE_NOT_INTEGER_RUPIAH',
    ],
    ['a wage of 0', { wage: { basis: 'monthly', amount: 0 } }, context, 'WAGE_NOT_INTEGER_RUPIAH'],
    [
      'a weekly wage',
      { wage: { basis: 'weekly' as 'monthly', amount: 600_000 } },
      context,
      'WAGE_BASIS_UNKNOWN',
    ],
    [
      'a monthly wage a rupiah under the NTT UMP 2025',
      { wage: { basis: 'monthly', amount: 2_328_968 } },
      context,
      'WAGE_BELOW_MINIMUM',
    ],
    [
      'a daily wage whose × 25 is under the UMP',
      { wage: { basis: 'daily', amount: 93_000 } },
      context,
      'WAGE_BELOW_MINIMUM',
    ],
    [
      'a wage under the UMP at a branch in Soe',
      { branchId: 'soe', wage: { basis: 'monthly', amount: 2_000_000 } },
      withEmployer(registered, branchInSoe),
      'WAGE_BELOW_MINIMUM',
    ],
  ])('refuses %s', (_case, change, at, code) => {
    expect(decideWorker({ ...worker, ...change }, initialWorkerState(), at)).toMatchObject({
      ok: false,
      rejection: { code },
    });
  });

  it('registers a worker who started before a death recorded later (the employer reports late)', () => {
    const decision = decideWorker(worker, initialWorkerState(), {
      ...context,
      personDiedOn: '2026-12-03',
    });
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'WorkerRegistered' }] });
  });

  it('names the minimum and its basis when it refuses a wage under it', () => {
    const decision = decideWorker(
      { ...worker, wage: { basis: 'monthly', amount: 2_000_000 } },
      initialWorkerState(),
      context,
    );
    expect(decision).toMatchObject({
      ok: false,
      rejection: {
        details: { minimumWage: 2_328_969, ruleId: 'UMP-53-2025-01-01', monthlyWage: 2_000_000 },
      },
    });
  });

  it.each<[string, number, string]>([
    ['the UMP itself', 2_328_969, 'medium'],
    ['a wage under the UMP at a small enterprise (PP 36/2021 Pasal 36)', 1_500_000, 'small'],
    ['a wage under the UMP at a micro enterprise', 1_000_000, 'micro'],
  ])('accepts %s', (_case, amount, businessScale) => {
    const employer: EmployerEvent = {
      type: 'EmployerRegistered',
      data: { ...registered.data, businessScale } as Extract<
        EmployerEvent,
        { type: 'EmployerRegistered' }
      >['data'],
    };
    const decision = decideWorker(
      { ...worker, wage: { basis: 'monthly', amount } },
      initialWorkerState(),
      withEmployer(employer),
    );
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    const event = decision.events[0];
    if (event?.type !== 'WorkerRegistered') throw new Error('registered');
    expect(event.data.minimumWage?.exception).toBe(
      amount < 2_328_969 ? 'micro-or-small-enterprise' : null,
    );
  });

  it('does not check a region the minimum-wage table does not know', () => {
    const jakarta: EmployerEvent = {
      type: 'EmployerRegistered',
      data: {
        ...registered.data,
        address: { line: 'Jl. Sudirman', regencyCode: '3171' },
        provinceCode: '31',
      },
    };
    const decision = decideWorker(
      { ...worker, wage: { basis: 'monthly', amount: 1_000_000 } },
      initialWorkerState(),
      withEmployer(jakarta),
    );
    expect(decision).toMatchObject({ ok: true, events: [{ data: { minimumWage: null } }] });
  });

  it.each<[string, string, boolean, number]>([
    ['on the 7th working day after the start', '2026-11-26', false, 0],
    ['a working day after the 7th', '2026-11-25', true, 1],
    ['two weeks after the start', '2026-11-23', true, 3],
  ])('marks a registration reported %s', (_case, startedOn, late, workingDaysLate) => {
    const decision = decideWorker({ ...worker, startedOn }, initialWorkerState(), context);
    expect(decision).toMatchObject({
      ok: true,
      events: [{ data: { report: { reportedOn: today, late, workingDaysLate } } }],
    });
  });

  it('takes the same registration again as a retry, other details as a conflict', () => {
    const state = after(worker);
    expect(decideWorker(worker, state, context)).toEqual({ ok: true, events: [] });
    expect(decideWorker({ ...worker, startedOn: '2026-11-30' }, state, context)).toMatchObject({
      ok: false,
      rejection: { code: 'WORKER_ALREADY_REGISTERED' },
    });
  });
});

describe('wage reports and leaving', () => {
  const raise: WorkerCommand = {
    type: 'ReportWage',
    wage: { basis: 'monthly', amount: 6_000_000 },
    effectiveFrom: '2026-12-04',
  };

  it('records a new wage from a date on, with the previous one; the last wage before a date counts', () => {
    const decision = decideWorker(raise, after(worker), context);
    expect(decision).toMatchObject({
      ok: true,
      events: [
        {
          type: 'WageReported',
          data: {
            wage: { monthlyWage: 6_000_000 },
            previousMonthlyWage: 5_000_000,
            effectiveFrom: '2026-12-04',
            report: { dueBy: '2026-12-15', late: false },
          },
        },
      ],
    });
    const state = after(worker, raise);
    if (state.status === 'unregistered') throw new Error('registered');
    expect(wageOn(state, '2026-12-03')?.monthlyWage).toBe(5_000_000);
    expect(wageOn(state, '2026-12-04')?.monthlyWage).toBe(6_000_000);
  });

  it('records a late wage report as late', () => {
    const state = after({ ...worker, startedOn: '2026-11-02' });
    const decision = decideWorker({ ...raise, effectiveFrom: '2026-11-16' }, state, context);
    expect(decision).toMatchObject({
      ok: true,
      events: [{ data: { report: { dueBy: '2026-11-25', late: true, workingDaysLate: 8 } } }],
    });
  });

  it.each<[string, () => WorkerState, WorkerCommand, string]>([
    ['for an unknown worker', () => initialWorkerState(), raise, 'WORKER_NOT_REGISTERED'],
    [
      'for a worker who left',
      () =>
        after(worker, { type: 'RecordWorkerLeaving', leftOn: '2026-12-05', reason: 'resigned' }),
      raise,
      'WORKER_LEFT',
    ],
    [
      'dated before the wage in force',
      () => after(worker),
      { ...raise, effectiveFrom: '2026-11-30' },
      'WAGE_DATE_INVALID',
    ],
    [
      'dated in the future',
      () => after(worker),
      { ...raise, effectiveFrom: '2026-12-08' },
      'WAGE_DATE_INVALID',
    ],
    [
      'under the UMP',
      () => after(worker),
      { ...raise, wage: { basis: 'monthly', amount: 2_000_000 } },
      'WAGE_BELOW_MINIMUM',
    ],
  ])('refuses a wage report %s', (_case, state, command, code) => {
    expect(decideWorker(command, state(), context)).toMatchObject({
      ok: false,
      rejection: { code },
    });
  });

  it('records a worker leaving once; the same leaving again is a retry', () => {
    const leaving: WorkerCommand = {
      type: 'RecordWorkerLeaving',
      leftOn: '2026-12-05',
      reason: 'resigned',
    };
    expect(decideWorker(leaving, after(worker), context)).toMatchObject({
      ok: true,
      events: [
        {
          type: 'WorkerLeft',
          data: { leftOn: '2026-12-05', reason: 'resigned', report: { late: false } },
        },
      ],
    });
    const left = after(worker, leaving);
    expect(decideWorker(leaving, left, context)).toEqual({ ok: true, events: [] });
    expect(decideWorker({ ...leaving, leftOn: '2026-12-06' }, left, context)).toMatchObject({
      ok: false,
      rejection: { code: 'WORKER_LEFT' },
    });
  });

  it.each<[string, string, string, string]>([
    ['before the start', '2026-11-30', 'resigned', 'LEAVING_DATE_INVALID'],
    ['in the future', '2026-12-08', 'resigned', 'LEAVING_DATE_INVALID'],
    ['for an unknown reason', '2026-12-05', 'vanished', 'LEAVING_REASON_UNKNOWN'],
  ])('refuses a leaving %s', (_case, leftOn, reason, code) => {
    const command = { type: 'RecordWorkerLeaving', leftOn, reason } as WorkerCommand;
    expect(decideWorker(command, after(worker), context)).toMatchObject({
      ok: false,
      rejection: { code },
    });
  });
});

describe('dates the working-day calendar does not cover', () => {
  // The shipped holiday calendar covers some years only; a change before them cannot be timed.
  const bounded = workingDayCalendar({
    id: 'from-2026',
    holidays: [],
    coverage: { from: '2026-01-01', to: '2027-12-31' },
  });
  if (!bounded.ok) throw new Error(bounded.error.message);
  const covered: WorkerContext = { ...context, calendar: bounded.value };

  it('refuses a start date before the calendar with the start date named, not a failure', () => {
    expect(
      decideWorker({ ...worker, startedOn: '2025-06-02' }, initialWorkerState(), covered),
    ).toMatchObject({
      ok: false,
      rejection: {
        code: 'WORKER_START_DATE_INVALID',
        message: expect.stringContaining('2025-06-02'),
      },
    });
  });

  it('refuses a wage report or a leaving dated before it the same way', () => {
    const employed = after({ ...worker, startedOn: '2026-12-01' });
    const wageReport = {
      type: 'ReportWage',
      effectiveFrom: '2025-12-01',
      wage: { basis: 'monthly', amount: 5_000_000 },
    } as WorkerCommand;
    expect(decideWorker(wageReport, employed, covered)).toMatchObject({
      ok: false,
      rejection: { code: 'WAGE_DATE_INVALID' },
    });
    expect(
      decideWorker({ ...worker, startedOn: '2026-01-05' }, initialWorkerState(), covered),
    ).toMatchObject({
      ok: true,
    });
  });
});
