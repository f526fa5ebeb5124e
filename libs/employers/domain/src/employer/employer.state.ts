import type {
  BusinessScale,
  EmployerEvent,
  IsoDate,
  RiskClass,
} from '@santunan/contracts/employers';

export interface RiskClassPeriod {
  readonly riskClass: RiskClass;
  readonly effectiveFrom: IsoDate;
  readonly basis: string;
}

export interface Branch {
  readonly branchId: string;
  readonly name: string;
  readonly branchNpp: string | null;
  readonly regencyCode: string;
  readonly openedOn: IsoDate;
}

export interface RegisteredEmployer {
  readonly status: 'registered';
  readonly npp: string;
  readonly name: string;
  readonly npwp: string;
  readonly nib: string;
  readonly kbli: string;
  readonly businessScale: BusinessScale;
  readonly regencyCode: string;
  readonly provinceCode: string;
  /** Oldest first; each period runs until the next one's `effectiveFrom`. */
  readonly riskClassHistory: readonly RiskClassPeriod[];
  readonly branches: readonly Branch[];
  /** The registration as recorded, to tell a retry from a conflicting registration. */
  readonly registration: Extract<EmployerEvent, { type: 'EmployerRegistered' }>['data'];
}

export type EmployerState = { readonly status: 'unregistered' } | RegisteredEmployer;

export function initialEmployerState(): EmployerState {
  return { status: 'unregistered' };
}

/** The risk class in force on a date; undefined before the first period. */
export function riskClassOn(employer: RegisteredEmployer, date: IsoDate): RiskClass | undefined {
  let found: RiskClass | undefined;
  for (const period of employer.riskClassHistory) {
    if (period.effectiveFrom <= date) found = period.riskClass;
  }
  return found;
}

export function currentRiskClass(employer: RegisteredEmployer): RiskClassPeriod {
  const latest = employer.riskClassHistory[employer.riskClassHistory.length - 1];
  if (latest === undefined) throw new Error(`employer ${employer.npp} has no risk class`);
  return latest;
}

/** Where a worker works: their branch's kabupaten/kota, else the employer's. */
export function workplaceRegency(
  employer: RegisteredEmployer,
  branchId: string | null,
): string | undefined {
  if (branchId === null) return employer.regencyCode;
  return employer.branches.find((branch) => branch.branchId === branchId)?.regencyCode;
}

export function evolveEmployer(state: EmployerState, event: EmployerEvent): EmployerState {
  switch (event.type) {
    case 'EmployerRegistered': {
      const data = event.data;
      return {
        status: 'registered',
        npp: data.npp,
        name: data.name,
        npwp: data.npwp,
        nib: data.nib,
        kbli: data.kbli,
        businessScale: data.businessScale,
        regencyCode: data.address.regencyCode,
        provinceCode: data.provinceCode,
        riskClassHistory: [
          {
            riskClass: data.riskClass,
            effectiveFrom: data.riskClassEffectiveFrom,
            basis: data.riskClassBasis,
          },
        ],
        branches: [],
        registration: data,
      };
    }
    case 'EmployerBranchOpened': {
      if (state.status !== 'registered') return state;
      const { npp: _npp, ...branch } = event.data;
      return { ...state, branches: [...state.branches, branch] };
    }
    case 'EmployerRiskClassChanged': {
      if (state.status !== 'registered') return state;
      const { riskClass, effectiveFrom, basis } = event.data;
      return {
        ...state,
        riskClassHistory: [...state.riskClassHistory, { riskClass, effectiveFrom, basis }],
      };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
