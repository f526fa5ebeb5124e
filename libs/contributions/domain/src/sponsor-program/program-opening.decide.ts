import {
  SPONSOR_TYPES,
  type IsoMonth,
  type MonthlyContribution,
  type SponsorPayerType,
  type SponsorType,
} from '@santunan/contracts';
import { accept, isIsoMonth, monthOf, rejectWith } from '@santunan/domain-kernel';
import { ruleSetInForce, sponsorQuota, type Result } from '@santunan/rules';
import { monthsFrom } from '../shared/months';
import { isPositiveRupiah } from '../shared/rupiah';
import {
  assessMonthlyContribution,
  type AssessedContribution,
} from '../tariff/contribution-tariff';
import { ruleRejection, type ProgramDecision } from './program-decision';
import type { OpenSponsorProgram, SponsorProgramContext } from './sponsor-program.commands';
import type { SponsorProgram, SponsorProgramState } from './sponsor-program.state';

/**
 * Government budgets (province, kabupaten/kota, village) pay as APBD, which PP 50/2025 never
 * discounts; a CSR donor is another sponsor (rules reference §1 and §7).
 */
export const SPONSOR_PAYER_TYPES: Readonly<Record<SponsorType, SponsorPayerType>> = {
  province: 'apbd',
  regency: 'apbd',
  village: 'apbd',
  csr: 'other-sponsor',
};

/**
 * The program tariff is assessed for sector 'other': a program has one tariff (its quota needs
 * one), and no sponsor payer gets the transport discount today (docs/adr/0008).
 */
const PROGRAM_TARIFF_SECTOR = 'other';

const sameContribution = (a: MonthlyContribution, b: MonthlyContribution): boolean =>
  a.jkk === b.jkk && a.jkm === b.jkm && a.total === b.total;

function incomeFloorFor(month: IsoMonth): Result<number> {
  const ruleSet = ruleSetInForce(`${month}-01`);
  return ruleSet.ok
    ? { ok: true, value: ruleSet.value.contributions.bpu.incomeFloor.value }
    : ruleSet;
}

function openingProblem(command: OpenSponsorProgram, today: string): string | undefined {
  if (!command.programId.trim()) return 'the program needs an id';
  if (!command.name.trim()) return 'the program needs a name';
  if (!command.pksNumber.trim()) return 'the program needs its PKS (cooperation agreement) number';
  if (!SPONSOR_TYPES.includes(command.sponsorType))
    return `sponsor type ${String(command.sponsorType)} is unknown`;
  if (!isPositiveRupiah(command.budget))
    return 'the budget must be a whole number of rupiah above 0';
  if (!isIsoMonth(command.firstMonth) || !isIsoMonth(command.lastMonth))
    return 'coverage months must be YYYY-MM';
  if (command.lastMonth < command.firstMonth) return 'the last coverage month is before the first';
  if (command.lastMonth < monthOf(today)) return `the coverage ended before ${monthOf(today)}`;
  if (command.declaredIncome !== undefined && !isPositiveRupiah(command.declaredIncome))
    return 'the declared income must be a whole number of rupiah';
  return undefined;
}

function sameOpening(program: SponsorProgram, command: OpenSponsorProgram): boolean {
  return (
    program.programId === command.programId &&
    program.name === command.name &&
    program.sponsorType === command.sponsorType &&
    program.pksNumber === command.pksNumber &&
    program.budget === command.budget &&
    program.firstMonth === command.firstMonth &&
    program.lastMonth === command.lastMonth &&
    (command.declaredIncome === undefined || command.declaredIncome === program.declaredIncome)
  );
}

export function openProgram(
  state: SponsorProgramState,
  command: OpenSponsorProgram,
  context: SponsorProgramContext,
): ProgramDecision {
  if (state.status !== 'not-opened') {
    return sameOpening(state, command)
      ? accept()
      : rejectWith('PROGRAM_ALREADY_OPENED', `program ${state.programId} is open with other terms`);
  }
  const problem = openingProblem(command, context.today);
  if (problem) return rejectWith('PROGRAM_INVALID', problem);
  const floor = incomeFloorFor(command.firstMonth);
  if (!floor.ok) return ruleRejection('TARIFF_UNAVAILABLE', floor.error);
  const declaredIncome = command.declaredIncome ?? floor.value;
  const payerType = SPONSOR_PAYER_TYPES[command.sponsorType];
  const coverage = monthsFrom(command.firstMonth, command.lastMonth);
  const tariffs: AssessedContribution[] = [];
  for (const month of coverage) {
    const assessed = assessMonthlyContribution({
      month,
      declaredIncome,
      payer: payerType,
      sector: PROGRAM_TARIFF_SECTOR,
    });
    if (!assessed.ok) return ruleRejection('TARIFF_UNAVAILABLE', assessed.error);
    tariffs.push(assessed.value);
  }
  const [first] = tariffs;
  if (first === undefined) throw new Error('contributions bug: a program without months');
  // One tariff per program: the quota is budget ÷ (tariff × months). A rule change inside the
  // coverage is refused rather than averaged; the sponsor opens one program per tariff.
  if (!tariffs.every((tariff) => sameContribution(tariff, first))) {
    return rejectWith(
      'PROGRAM_TARIFF_VARIES',
      'the tariff changes within the coverage months; open one program per tariff period',
      { tariffs: tariffs.map(({ month, total }) => ({ month, total })) },
    );
  }
  const quota = sponsorQuota({
    budget: command.budget,
    tariffPerWorkerPerMonth: first.total,
    months: coverage.length,
  });
  if (!quota.ok) return ruleRejection('TARIFF_UNAVAILABLE', quota.error);
  if (quota.value.workers === 0) {
    return rejectWith(
      'PROGRAM_BUDGET_TOO_SMALL',
      `a budget of ${command.budget} does not cover one worker for ${coverage.length} months`,
      { costPerWorker: first.total * coverage.length },
    );
  }
  return accept({
    type: 'SponsorProgramOpened',
    data: {
      programId: command.programId,
      name: command.name,
      sponsorType: command.sponsorType,
      payerType,
      pksNumber: command.pksNumber,
      budget: command.budget,
      firstMonth: command.firstMonth,
      lastMonth: command.lastMonth,
      months: coverage.length,
      declaredIncome,
      contribution: { jkk: first.jkk, jkm: first.jkm, total: first.total },
      ruleSetIds: [...new Set(tariffs.map((tariff) => tariff.ruleSetId))],
      quota: quota.value.workers,
    },
  });
}
