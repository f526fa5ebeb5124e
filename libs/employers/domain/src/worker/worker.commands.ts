import type { IsoDate, LeavingReason, Sex, WageBasis } from '@santunan/contracts/employers';
import type { WorkingDayCalendar } from '@santunan/rules';
import type { EmployerState } from '../employer/employer.state';

/** A wage as the employer reports it; the monthly wage follows from the basis. */
export interface WageInput {
  readonly basis: WageBasis;
  readonly amount: number;
}

/**
 * An employer registers a worker. The person is identified by the participant id enrollment's
 * NIK index gives (the NIK itself was checked there, as for BPU participants).
 */
export interface RegisterWorker {
  readonly type: 'RegisterWorker';
  readonly participantId: string;
  readonly nik: string;
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly sex: Sex;
  readonly branchId: string | null;
  readonly startedOn: IsoDate;
  readonly wage: WageInput;
  readonly jkpParticipant: boolean;
}

export interface ReportWage {
  readonly type: 'ReportWage';
  readonly wage: WageInput;
  readonly effectiveFrom: IsoDate;
}

export interface RecordWorkerLeaving {
  readonly type: 'RecordWorkerLeaving';
  readonly leftOn: IsoDate;
  readonly reason: LeavingReason;
}

export type WorkerCommand = RegisterWorker | ReportWage | RecordWorkerLeaving;

/** What a worker decision needs from outside: today, the working days, the employer. */
export interface WorkerContext {
  readonly today: IsoDate;
  /** The working-day calendar the 7-working-day reporting period is counted on. */
  readonly calendar: WorkingDayCalendar;
  /** The employer's stream as it stands (unregistered: an unknown NPP). */
  readonly employer: EmployerState;
  /** The person's death as enrollment recorded it, if it did (no work starts after it). */
  readonly personDiedOn?: IsoDate;
}
