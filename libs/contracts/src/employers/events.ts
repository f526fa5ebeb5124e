/**
 * Published language of the employers context: employers (PU, wage earners' payers), their
 * branches and risk classes, and their workers' employment — registration, wage reports,
 * leaving. Hosted by the enrollment service, so published on `enrollment.events` with its
 * signature (ADR 0037). Type names are stable strings; a changed shape gets a new
 * schemaVersion and an upcaster, never an edit. Worker personal data travels encrypted with
 * the worker's (the participant's) key; these types describe the decrypted payload.
 */
import type { Address, BankAccount, IsoDate, Sex } from '../enrollment/events';

export type { Address, BankAccount, IsoDate, Sex };

/** JKK risk class (Lampiran I PP 44/2015 as replaced by PP 82/2019): 1 very low … 5 very high. */
export type RiskClass = 1 | 2 | 3 | 4 | 5;

export const RISK_CLASS_VALUES: readonly RiskClass[] = [1, 2, 3, 4, 5];

/** Business scale (UU 20/2008, PP 7/2021): micro and small enterprises agree wages freely. */
export type BusinessScale = 'micro' | 'small' | 'medium' | 'large';

export const BUSINESS_SCALES: readonly BusinessScale[] = ['micro', 'small', 'medium', 'large'];

export interface EmployerRegistered {
  /** Nomor Pendaftaran Perusahaan, issued by BPJS Ketenagakerjaan: 8 digits. */
  readonly npp: string;
  readonly name: string;
  /** Company tax number: 15 digits (before 2024) or 16. */
  readonly npwp: string;
  /** Nomor Induk Berusaha (OSS): 13 digits. */
  readonly nib: string;
  /** Business type, KBLI 2020 code (5 digits). */
  readonly kbli: string;
  readonly businessScale: BusinessScale;
  readonly riskClass: RiskClass;
  /** Why this class: the Lampiran I entry or the decision that set it. */
  readonly riskClassBasis: string;
  readonly riskClassEffectiveFrom: IsoDate;
  readonly address: Address;
  /** The province of the address (first two digits of the regency code). */
  readonly provinceCode: string;
  readonly bankAccount: BankAccount;
}

export interface EmployerBranchOpened {
  readonly npp: string;
  readonly branchId: string;
  readonly name: string;
  /** A branch may have an NPP of its own (8 digits); null when it reports under the employer's. */
  readonly branchNpp: string | null;
  readonly regencyCode: string;
  readonly openedOn: IsoDate;
}

export interface EmployerRiskClassChanged {
  readonly npp: string;
  readonly riskClass: RiskClass;
  readonly previousRiskClass: RiskClass;
  /** Contributions follow the new class from this date; earlier months keep the old one. */
  readonly effectiveFrom: IsoDate;
  readonly basis: string;
}

/** How the worker is paid: the monthly wage for contributions follows from it. */
export type WageBasis = 'monthly' | 'daily' | 'piece-rate';

export const WAGE_BASES: readonly WageBasis[] = ['monthly', 'daily', 'piece-rate'];

export interface ReportedWage {
  readonly basis: WageBasis;
  /** As reported: the monthly wage, the daily wage, or the piece-rate average a month (rupiah). */
  readonly amount: number;
  /** The monthly wage contributions and benefits are computed on (daily × 25), whole rupiah. */
  readonly monthlyWage: number;
}

/** The regional minimum the wage was held to (null: no minimum known for the region). */
export interface MinimumWageApplied {
  /** The rules row, e.g. `UMP-53-2025-01-01`. */
  readonly ruleId: string;
  readonly amount: number;
  readonly legalBasis: string;
  /** Why a wage under it was accepted (null: the wage is not under it). */
  readonly exception: 'micro-or-small-enterprise' | null;
}

/** A data change is reported within 7 working days of the day it happened (PP 44/2015 Pasal 9). */
export interface ReportTimeliness {
  readonly reportedOn: IsoDate;
  readonly dueBy: IsoDate;
  readonly late: boolean;
  /** Working days after `dueBy` up to `reportedOn` (0 when on time, or late on a weekend day). */
  readonly workingDaysLate: number;
}

export interface WorkerRegistered {
  readonly npp: string;
  /** The person's participant id (enrollment's NIK index): one id per person across contexts. */
  readonly participantId: string;
  readonly nik: string;
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly sex: Sex;
  /** The branch the worker works at; null for the employer's own address. */
  readonly branchId: string | null;
  readonly startedOn: IsoDate;
  readonly wage: ReportedWage;
  readonly minimumWage: MinimumWageApplied | null;
  /** Whether the worker takes part in JKP (job-loss insurance): 0.14% of JKK goes there. */
  readonly jkpParticipant: boolean;
  readonly report: ReportTimeliness;
}

export interface WageReported {
  readonly npp: string;
  readonly participantId: string;
  readonly wage: ReportedWage;
  readonly previousMonthlyWage: number;
  /** The day the new wage applies from. */
  readonly effectiveFrom: IsoDate;
  readonly minimumWage: MinimumWageApplied | null;
  readonly report: ReportTimeliness;
}

export type LeavingReason =
  | 'resigned'
  | 'dismissed'
  | 'contract-ended'
  | 'retired'
  | 'deceased'
  | 'other';

export const LEAVING_REASONS: readonly LeavingReason[] = [
  'resigned',
  'dismissed',
  'contract-ended',
  'retired',
  'deceased',
  'other',
];

export interface WorkerLeft {
  readonly npp: string;
  readonly participantId: string;
  readonly leftOn: IsoDate;
  readonly reason: LeavingReason;
  readonly report: ReportTimeliness;
}

export interface EmployersEventMap {
  EmployerRegistered: EmployerRegistered;
  EmployerBranchOpened: EmployerBranchOpened;
  EmployerRiskClassChanged: EmployerRiskClassChanged;
  WorkerRegistered: WorkerRegistered;
  WageReported: WageReported;
  WorkerLeft: WorkerLeft;
}

export type EmployersEventType = keyof EmployersEventMap;

type EventOf<Type extends EmployersEventType> = {
  readonly type: Type;
  readonly data: EmployersEventMap[Type];
};

/** The employer's own stream: identity, branches, risk class history. */
export type EmployerEvent =
  | EventOf<'EmployerRegistered'>
  | EventOf<'EmployerBranchOpened'>
  | EventOf<'EmployerRiskClassChanged'>;

/** One worker's employment with one employer. */
export type WorkerEvent =
  | EventOf<'WorkerRegistered'>
  | EventOf<'WageReported'>
  | EventOf<'WorkerLeft'>;

export type EmployersEvent = EmployerEvent | WorkerEvent;

export const EMPLOYER_SCHEMA_VERSIONS: Readonly<Record<EmployerEvent['type'], number>> = {
  EmployerRegistered: 1,
  EmployerBranchOpened: 1,
  EmployerRiskClassChanged: 1,
};

export const WORKER_SCHEMA_VERSIONS: Readonly<Record<WorkerEvent['type'], number>> = {
  WorkerRegistered: 1,
  WageReported: 1,
  WorkerLeft: 1,
};

/**
 * Employers' data is a company's, not a person's: nothing sealed. A company's bank account is
 * not personal data (UU PDP 27/2022 protects natural persons).
 */
export const EMPLOYER_PERSONAL_DATA_PATHS: Readonly<
  Record<EmployerEvent['type'], readonly string[]>
> = {
  EmployerRegistered: [],
  EmployerBranchOpened: [],
  EmployerRiskClassChanged: [],
};

/** Fields encrypted with the worker's (participant's) key: erasing it shreds them everywhere. */
export const WORKER_PERSONAL_DATA_PATHS: Readonly<Record<WorkerEvent['type'], readonly string[]>> =
  {
    WorkerRegistered: ['nik', 'fullName'],
    WageReported: [],
    WorkerLeft: [],
  };

export const EMPLOYERS_SCHEMA_VERSIONS: Readonly<Record<EmployersEventType, number>> = {
  ...EMPLOYER_SCHEMA_VERSIONS,
  ...WORKER_SCHEMA_VERSIONS,
};

export const EMPLOYERS_PERSONAL_DATA_PATHS: Readonly<
  Record<EmployersEventType, readonly string[]>
> = { ...EMPLOYER_PERSONAL_DATA_PATHS, ...WORKER_PERSONAL_DATA_PATHS };
