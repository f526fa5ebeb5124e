import type {
  IsoDate,
  LeavingReason,
  ReportedWage,
  ReportTimeliness,
  WorkerEvent,
} from '@santunan/contracts/employers';

export interface WagePeriod {
  readonly wage: ReportedWage;
  readonly effectiveFrom: IsoDate;
  readonly report: ReportTimeliness;
}

interface WorkerRecord {
  readonly npp: string;
  readonly participantId: string;
  readonly nik: string;
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly branchId: string | null;
  readonly startedOn: IsoDate;
  readonly jkpParticipant: boolean;
  /** Oldest first: the wage at registration, then each reported change. */
  readonly wageHistory: readonly WagePeriod[];
  readonly registration: Extract<WorkerEvent, { type: 'WorkerRegistered' }>['data'];
}

export interface EmployedWorker extends WorkerRecord {
  readonly status: 'employed';
}

export interface FormerWorker extends WorkerRecord {
  readonly status: 'left';
  readonly leftOn: IsoDate;
  readonly reason: LeavingReason;
  readonly leavingReport: ReportTimeliness;
}

export type WorkerState = { readonly status: 'unregistered' } | EmployedWorker | FormerWorker;

export function initialWorkerState(): WorkerState {
  return { status: 'unregistered' };
}

export function currentWage(worker: EmployedWorker | FormerWorker): WagePeriod {
  const latest = worker.wageHistory[worker.wageHistory.length - 1];
  if (latest === undefined) throw new Error(`worker ${worker.participantId} has no wage`);
  return latest;
}

/** The last wage reported as applying on or before a date (benefits use it, §10). */
export function wageOn(
  worker: EmployedWorker | FormerWorker,
  date: IsoDate,
): ReportedWage | undefined {
  let found: ReportedWage | undefined;
  for (const period of worker.wageHistory) if (period.effectiveFrom <= date) found = period.wage;
  return found;
}

export function evolveWorker(state: WorkerState, event: WorkerEvent): WorkerState {
  switch (event.type) {
    case 'WorkerRegistered': {
      const data = event.data;
      return {
        status: 'employed',
        npp: data.npp,
        participantId: data.participantId,
        nik: data.nik,
        fullName: data.fullName,
        birthDate: data.birthDate,
        branchId: data.branchId,
        startedOn: data.startedOn,
        jkpParticipant: data.jkpParticipant,
        wageHistory: [{ wage: data.wage, effectiveFrom: data.startedOn, report: data.report }],
        registration: data,
      };
    }
    case 'WageReported': {
      if (state.status === 'unregistered') return state;
      const { wage, effectiveFrom, report } = event.data;
      return { ...state, wageHistory: [...state.wageHistory, { wage, effectiveFrom, report }] };
    }
    case 'WorkerLeft': {
      if (state.status === 'unregistered') return state;
      const { leftOn, reason, report } = event.data;
      return { ...state, status: 'left', leftOn, reason, leavingReport: report };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
