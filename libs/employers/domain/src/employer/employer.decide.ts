import {
  BUSINESS_SCALES,
  RISK_CLASS_VALUES,
  type EmployerEvent,
  type EmployerRegistered,
  type RiskClass,
} from '@santunan/contracts/employers';
import { accept, isIsoDate, rejectWith, type Decision } from '@santunan/domain-kernel';
import { identifierProblem, isNpp } from '../identifiers';
import type { EmployersRejectionCode } from '../rejections';
import { sameData } from '../same-data';
import type {
  ChangeRiskClass,
  EmployerCommand,
  EmployerContext,
  OpenBranch,
  RegisterEmployer,
} from './employer.commands';
import { currentRiskClass, type EmployerState, type RegisteredEmployer } from './employer.state';

type EmployerDecision = Decision<EmployerEvent, EmployersRejectionCode>;

const isBlank = (text: string): boolean => text.trim() === '';

function isRiskClass(value: number): value is RiskClass {
  return (RISK_CLASS_VALUES as readonly number[]).includes(value);
}

/** Risk class 1–5 with a stated basis (Lampiran I PP 44/2015 as replaced by PP 82/2019). */
function riskClassProblem(riskClass: number, basis: string): EmployerDecision | undefined {
  if (!isRiskClass(riskClass)) {
    return rejectWith(
      'RISK_CLASS_INVALID',
      `risk class ${riskClass} is not one of 1–5 (PP 44/2015 Lampiran I)`,
      { allowed: RISK_CLASS_VALUES },
    );
  }
  if (isBlank(basis)) {
    return rejectWith(
      'RISK_CLASS_BASIS_BLANK',
      'say why the risk class applies (the Lampiran I entry or the decision that set it)',
    );
  }
  return undefined;
}

function register(
  state: EmployerState,
  command: RegisterEmployer,
  context: EmployerContext,
): EmployerDecision {
  const identifiers = identifierProblem(command);
  if (identifiers) return rejectWith(identifiers.code, identifiers.message);
  if (isBlank(command.name)) return rejectWith('EMPLOYER_NAME_BLANK', 'the employer needs a name');
  if (!BUSINESS_SCALES.includes(command.businessScale)) {
    return rejectWith(
      'BUSINESS_SCALE_UNKNOWN',
      `business scale ${command.businessScale} is unknown`,
    );
  }
  const riskProblem = riskClassProblem(command.riskClass, command.riskClassBasis);
  if (riskProblem) return riskProblem;
  if (!isIsoDate(command.riskClassEffectiveFrom)) {
    return rejectWith(
      'RISK_CLASS_DATE_INVALID',
      `risk class effective date ${command.riskClassEffectiveFrom} is not a date`,
    );
  }
  if (!context.regions.regencyName(command.address.regencyCode)) {
    return rejectWith(
      'EMPLOYER_REGENCY_UNKNOWN',
      `kabupaten/kota code ${command.address.regencyCode} is unknown`,
    );
  }
  const { type: _type, riskClass, ...rest } = command;
  if (!isRiskClass(riskClass)) throw new Error('unreachable: risk class checked above');
  const data: EmployerRegistered = {
    ...rest,
    riskClass,
    provinceCode: command.address.regencyCode.slice(0, 2),
  };
  if (state.status === 'registered') {
    // The same registration again is a retry; anything else is someone else's NPP.
    return sameData(state.registration, data)
      ? accept()
      : rejectWith(
          'EMPLOYER_ALREADY_REGISTERED',
          `NPP ${state.npp} is registered with other details`,
          {
            npp: state.npp,
          },
        );
  }
  return accept({ type: 'EmployerRegistered', data });
}

function openBranch(
  employer: RegisteredEmployer,
  command: OpenBranch,
  context: EmployerContext,
): EmployerDecision {
  const { type: _type, ...branch } = command;
  const known = employer.branches.find((existing) => existing.branchId === command.branchId);
  if (known) {
    return sameData(known, branch)
      ? accept()
      : rejectWith('BRANCH_ALREADY_OPENED', `branch ${command.branchId} exists with other details`);
  }
  if (isBlank(command.name)) return rejectWith('BRANCH_NAME_BLANK', 'the branch needs a name');
  if (command.branchNpp !== null && !isNpp(command.branchNpp)) {
    return rejectWith('BRANCH_NPP_FORMAT', 'a branch NPP must be 8 digits');
  }
  if (!context.regions.regencyName(command.regencyCode)) {
    return rejectWith(
      'BRANCH_REGENCY_UNKNOWN',
      `kabupaten/kota code ${command.regencyCode} is unknown`,
    );
  }
  if (!isIsoDate(command.openedOn) || command.openedOn > context.today) {
    return rejectWith('BRANCH_DATE_INVALID', `opening date ${command.openedOn} is not possible`);
  }
  return accept({ type: 'EmployerBranchOpened', data: { npp: employer.npp, ...branch } });
}

/**
 * A risk class changes from a date on; the history only moves forward, so months already
 * invoiced under a class keep it. Who may change it (BPJS after an assessment) is the
 * endpoint's role check; the reference leaves the rest open (§10 open questions).
 */
function changeRiskClass(employer: RegisteredEmployer, command: ChangeRiskClass): EmployerDecision {
  const riskProblem = riskClassProblem(command.riskClass, command.basis);
  if (riskProblem) return riskProblem;
  const current = currentRiskClass(employer);
  if (!isIsoDate(command.effectiveFrom) || command.effectiveFrom <= current.effectiveFrom) {
    return rejectWith(
      'RISK_CLASS_DATE_INVALID',
      `a new risk class takes effect after ${current.effectiveFrom} (YYYY-MM-DD)`,
      { currentEffectiveFrom: current.effectiveFrom },
    );
  }
  if (!isRiskClass(command.riskClass)) throw new Error('unreachable: risk class checked above');
  if (command.riskClass === current.riskClass) return accept();
  return accept({
    type: 'EmployerRiskClassChanged',
    data: {
      npp: employer.npp,
      riskClass: command.riskClass,
      previousRiskClass: current.riskClass,
      effectiveFrom: command.effectiveFrom,
      basis: command.basis,
    },
  });
}

export function decideEmployer(
  command: EmployerCommand,
  state: EmployerState,
  context: EmployerContext,
): EmployerDecision {
  if (command.type === 'RegisterEmployer') return register(state, command, context);
  if (state.status === 'unregistered') {
    return rejectWith('EMPLOYER_NOT_REGISTERED', 'no employer with this NPP');
  }
  switch (command.type) {
    case 'OpenBranch':
      return openBranch(state, command, context);
    case 'ChangeRiskClass':
      return changeRiskClass(state, command);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
