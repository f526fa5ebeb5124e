import {
  LEAVING_REASONS,
  WAGE_BASES,
  type IsoDate,
  type MinimumWageApplied,
  type ReportedWage,
  type WorkerEvent,
} from '@santunan/contracts/employers';
import { accept, isIsoDate, rejectWith, type Decision } from '@santunan/domain-kernel';
import {
  MINIMUM_WAGE_EXEMPT_SCALES,
  minimumWageInForce,
  parseIsoDate,
  PU_DAILY_WAGE_DAYS,
} from '@santunan/rules';
import { workplaceRegency, type RegisteredEmployer } from '../employer/employer.state';
import type { EmployersRejectionCode } from '../rejections';
import { sameData } from '../same-data';
import { reportTimeliness } from './report-timeliness';
import type {
  RecordWorkerLeaving,
  RegisterWorker,
  ReportWage,
  WageInput,
  WorkerCommand,
  WorkerContext,
} from './worker.commands';
import {
  currentWage,
  type EmployedWorker,
  type FormerWorker,
  type WorkerState,
} from './worker.state';

type WorkerDecision = Decision<WorkerEvent, EmployersRejectionCode>;

type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly decision: WorkerDecision };

/** The monthly wage of a reported wage: daily × 25, else the amount itself (§10 wage basis). */
export function monthlyWageOf(wage: WageInput): number {
  return wage.basis === 'daily' ? wage.amount * PU_DAILY_WAGE_DAYS.value : wage.amount;
}

/**
 * A reported wage against the regional minimum in force on the day it applies, at the
 * worker's workplace: under it only for micro and small enterprises (PP 36/2021 Pasal 36),
 * and the exception is recorded with the wage.
 */
function checkedWage(
  wage: WageInput,
  employer: RegisteredEmployer,
  regencyCode: string,
  appliesOn: IsoDate,
): Checked<{ wage: ReportedWage; minimumWage: MinimumWageApplied | null }> {
  if (!WAGE_BASES.includes(wage.basis)) {
    return {
      ok: false,
      decision: rejectWith('WAGE_BASIS_UNKNOWN', `wage basis ${wage.basis} is unknown`),
    };
  }
  if (!Number.isSafeInteger(wage.amount) || wage.amount <= 0) {
    return {
      ok: false,
      decision: rejectWith(
        'WAGE_NOT_INTEGER_RUPIAH',
        'the wage must be a whole, positive number of rupiah',
      ),
    };
  }
  const monthlyWage = monthlyWageOf(wage);
  const reported: ReportedWage = { basis: wage.basis, amount: wage.amount, monthlyWage };
  const day = parseIsoDate(appliesOn, 'appliesOn');
  if (!day.ok) throw new Error('checkedWage needs a checked date');
  const minimum = minimumWageInForce(regencyCode, day.value);
  if (minimum === undefined) return { ok: true, value: { wage: reported, minimumWage: null } };
  const below = monthlyWage < minimum.amount;
  const exempt = (MINIMUM_WAGE_EXEMPT_SCALES.value as readonly string[]).includes(
    employer.businessScale,
  );
  if (below && !exempt) {
    return {
      ok: false,
      decision: rejectWith(
        'WAGE_BELOW_MINIMUM',
        `monthly wage ${monthlyWage} is under the ${minimum.kind} of ${minimum.amount} in force on ${appliesOn} (${minimum.legalBasis})`,
        {
          minimumWage: minimum.amount,
          ruleId: minimum.id,
          legalBasis: minimum.legalBasis,
          monthlyWage,
        },
      ),
    };
  }
  return {
    ok: true,
    value: {
      wage: reported,
      minimumWage: {
        ruleId: minimum.id,
        amount: minimum.amount,
        legalBasis: below
          ? `${minimum.legalBasis}; ${MINIMUM_WAGE_EXEMPT_SCALES.legalBasis}`
          : minimum.legalBasis,
        exception: below ? 'micro-or-small-enterprise' : null,
      },
    },
  };
}

function register(
  state: WorkerState,
  command: RegisterWorker,
  employer: RegisteredEmployer,
  context: WorkerContext,
): WorkerDecision {
  if (command.fullName.trim() === '')
    return rejectWith('WORKER_NAME_BLANK', 'the worker needs a name');
  if (
    !isIsoDate(command.startedOn) ||
    command.startedOn > context.today ||
    command.startedOn <= command.birthDate
  ) {
    return rejectWith(
      'WORKER_START_DATE_INVALID',
      `start date ${command.startedOn} is not possible`,
    );
  }
  if (context.personDiedOn !== undefined && command.startedOn > context.personDiedOn) {
    return rejectWith(
      'WORKER_DECEASED',
      `the person died on ${context.personDiedOn}, before the start on ${command.startedOn}`,
      { participantId: command.participantId, dateOfDeath: context.personDiedOn },
    );
  }
  const regency = workplaceRegency(employer, command.branchId);
  if (regency === undefined) {
    return rejectWith(
      'BRANCH_UNKNOWN',
      `employer ${employer.npp} has no branch ${String(command.branchId)}`,
    );
  }
  const wage = checkedWage(command.wage, employer, regency, command.startedOn);
  if (!wage.ok) return wage.decision;
  if (state.status !== 'unregistered') {
    // A retry of the same registration changes nothing; a rehire is a later slice.
    const same =
      state.nik === command.nik &&
      state.fullName === command.fullName &&
      state.birthDate === command.birthDate &&
      state.branchId === command.branchId &&
      state.startedOn === command.startedOn &&
      state.jkpParticipant === command.jkpParticipant &&
      sameData(state.registration.wage, wage.value.wage);
    return same
      ? accept()
      : rejectWith(
          'WORKER_ALREADY_REGISTERED',
          `this worker is registered with employer ${employer.npp} already, with other details`,
          { participantId: state.participantId, status: state.status },
        );
  }
  const report = reportTimeliness(command.startedOn, context.today, context.calendar);
  if (!report.ok) return rejectWith('WORKER_START_DATE_INVALID', report.message);
  const { type: _type, wage: _wage, ...worker } = command;
  return accept({
    type: 'WorkerRegistered',
    data: {
      npp: employer.npp,
      ...worker,
      wage: wage.value.wage,
      minimumWage: wage.value.minimumWage,
      report: report.value,
    },
  });
}

function reportWage(
  worker: EmployedWorker,
  command: ReportWage,
  employer: RegisteredEmployer,
  context: WorkerContext,
): WorkerDecision {
  const current = currentWage(worker);
  if (!isIsoDate(command.effectiveFrom) || command.effectiveFrom > context.today) {
    return rejectWith('WAGE_DATE_INVALID', `wage date ${command.effectiveFrom} is not possible`);
  }
  // The wage history only moves forward; the same report again is a retry.
  if (command.effectiveFrom <= current.effectiveFrom) {
    const retry =
      command.effectiveFrom === current.effectiveFrom &&
      current.wage.basis === command.wage.basis &&
      current.wage.amount === command.wage.amount;
    return retry
      ? accept()
      : rejectWith(
          'WAGE_DATE_INVALID',
          `a new wage applies after ${current.effectiveFrom}, the date of the wage in force`,
          { currentEffectiveFrom: current.effectiveFrom },
        );
  }
  const regency = workplaceRegency(employer, worker.branchId) ?? employer.regencyCode;
  const wage = checkedWage(command.wage, employer, regency, command.effectiveFrom);
  if (!wage.ok) return wage.decision;
  const report = reportTimeliness(command.effectiveFrom, context.today, context.calendar);
  if (!report.ok) return rejectWith('WAGE_DATE_INVALID', report.message);
  return accept({
    type: 'WageReported',
    data: {
      npp: worker.npp,
      participantId: worker.participantId,
      wage: wage.value.wage,
      previousMonthlyWage: current.wage.monthlyWage,
      effectiveFrom: command.effectiveFrom,
      minimumWage: wage.value.minimumWage,
      report: report.value,
    },
  });
}

function recordLeaving(
  worker: EmployedWorker | FormerWorker,
  command: RecordWorkerLeaving,
  context: WorkerContext,
): WorkerDecision {
  if (!LEAVING_REASONS.includes(command.reason)) {
    return rejectWith('LEAVING_REASON_UNKNOWN', `leaving reason ${command.reason} is unknown`, {
      allowed: LEAVING_REASONS,
    });
  }
  if (worker.status === 'left') {
    return worker.leftOn === command.leftOn && worker.reason === command.reason
      ? accept()
      : rejectWith('WORKER_LEFT', `the worker left on ${worker.leftOn}`, { leftOn: worker.leftOn });
  }
  if (
    !isIsoDate(command.leftOn) ||
    command.leftOn > context.today ||
    command.leftOn < worker.startedOn
  ) {
    return rejectWith('LEAVING_DATE_INVALID', `leaving date ${command.leftOn} is not possible`, {
      startedOn: worker.startedOn,
    });
  }
  const report = reportTimeliness(command.leftOn, context.today, context.calendar);
  if (!report.ok) return rejectWith('LEAVING_DATE_INVALID', report.message);
  return accept({
    type: 'WorkerLeft',
    data: {
      npp: worker.npp,
      participantId: worker.participantId,
      leftOn: command.leftOn,
      reason: command.reason,
      report: report.value,
    },
  });
}

export function decideWorker(
  command: WorkerCommand,
  state: WorkerState,
  context: WorkerContext,
): WorkerDecision {
  const employer = context.employer;
  if (employer.status === 'unregistered') {
    return rejectWith('EMPLOYER_NOT_REGISTERED', 'no employer with this NPP');
  }
  if (command.type === 'RegisterWorker') return register(state, command, employer, context);
  if (state.status === 'unregistered') {
    return rejectWith('WORKER_NOT_REGISTERED', `no such worker of employer ${employer.npp}`);
  }
  switch (command.type) {
    case 'ReportWage':
      return state.status === 'left'
        ? rejectWith('WORKER_LEFT', `the worker left on ${state.leftOn}: no wage reports after`, {
            leftOn: state.leftOn,
          })
        : reportWage(state, command, employer, context);
    case 'RecordWorkerLeaving':
      return recordLeaving(state, command, context);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
