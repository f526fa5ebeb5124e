import { isIsoMonth, type IsoDate, type IsoMonth } from '@santunan/domain-kernel';
import type {
  EnrollmentContext,
  ParticipantCommand,
  RegionDirectory,
} from '@santunan/enrollment-domain';
import { ruleSetInForce } from '@santunan/rules';

/** The month whose rules decide a command's income floor and ceiling; none for commands without income. */
function incomeMonthOf(command: ParticipantCommand): IsoMonth | undefined {
  switch (command.type) {
    case 'RegisterParticipant':
    case 'EnrolSponsoredWorker':
      return command.incomeEffectiveFrom;
    case 'ChangeDeclaredIncome':
      return command.effectiveFrom;
    case 'CorrectParticipantDetails':
    case 'DesignateHeirs':
    case 'RegisterChild':
    case 'RecordDeath':
      return undefined;
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** The BPU declared-income floor and ceiling of one rule set (whole rupiah a month). */
export interface BpuIncomeLimits {
  readonly floor: number;
  readonly ceiling: number;
}

/**
 * The BPU declared-income limits of the rule set in force on the first day of the month the
 * income applies from (contributions follow the contribution month, ADR 0003); today's set
 * when the month is not a month (the decider refuses it anyway) or predates every set.
 */
export function bpuIncomeLimits(month: IsoMonth | undefined, today: IsoDate): BpuIncomeLimits {
  const dated =
    month !== undefined && isIsoMonth(month) ? ruleSetInForce(`${month}-01`) : undefined;
  const ruleSet = dated?.ok ? dated : ruleSetInForce(today);
  if (!ruleSet.ok) throw new Error(`no rule set in force on ${today}: ${ruleSet.error.code}`);
  const { incomeFloor, incomeCeiling } = ruleSet.value.contributions.bpu;
  return { floor: incomeFloor.value, ceiling: incomeCeiling.value };
}

export function enrollmentContextFor(
  command: ParticipantCommand,
  today: IsoDate,
  regions: RegionDirectory,
): EnrollmentContext {
  return enrollmentContextForIncomeMonth(incomeMonthOf(command), today, regions);
}

/** The same for every row of a bulk file: one income month for the whole file. */
export function enrollmentContextForIncomeMonth(
  month: IsoMonth | undefined,
  today: IsoDate,
  regions: RegionDirectory,
): EnrollmentContext {
  const limits = bpuIncomeLimits(month, today);
  return { today, incomeFloor: limits.floor, incomeCeiling: limits.ceiling, regions };
}
