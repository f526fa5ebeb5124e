import type { EmployerRegistered, IsoDate, RiskClass } from '@santunan/contracts/employers';

/** A registration at the branch office: the event records exactly what it asks for. */
export interface RegisterEmployer extends Omit<EmployerRegistered, 'provinceCode' | 'riskClass'> {
  readonly type: 'RegisterEmployer';
  /** Unchecked here: a class outside 1–5 is refused with RISK_CLASS_INVALID. */
  readonly riskClass: number;
}

export interface OpenBranch {
  readonly type: 'OpenBranch';
  readonly branchId: string;
  readonly name: string;
  readonly branchNpp: string | null;
  readonly regencyCode: string;
  readonly openedOn: IsoDate;
}

export interface ChangeRiskClass {
  readonly type: 'ChangeRiskClass';
  readonly riskClass: number;
  readonly effectiveFrom: IsoDate;
  readonly basis: string;
}

export type EmployerCommand = RegisterEmployer | OpenBranch | ChangeRiskClass;

/** Kabupaten/kota codes the deciders accept (enrollment's Kemendagri directory fits). */
export interface RegencyDirectory {
  regencyName(code: string): string | undefined;
}

/** What an employer decision needs from outside, passed in so the decider stays pure. */
export interface EmployerContext {
  /** The calendar date the command is decided on (Asia/Jakarta). */
  readonly today: IsoDate;
  readonly regions: RegencyDirectory;
}

export type { RiskClass };
