import type { ClaimProgram, IsoDate } from '@santunan/contracts';
import {
  addWorkingDays,
  benefitPaymentDueDate,
  daysBetween,
  type Result,
  type WorkingDayCalendar,
} from '@santunan/rules';
import { ruleDate } from '../shared/dates';

/** Why the clock stands still: the claim waits on someone other than BPJS. */
export type SlaPauseReason = 'documents-requested' | 'pending-contribution';

/**
 * A pause covers the days after `from` up to and including `until`: the day of the request
 * still counts, and the day the documents come back restarts the count like a completion.
 */
export interface SlaPause {
  readonly from: IsoDate;
  readonly until: IsoDate | null;
  readonly reason: SlaPauseReason;
}

/** The payment clock of a claim: it starts the day the documents are first complete. */
export interface SlaClock {
  readonly startedOn: IsoDate | null;
  readonly pauses: readonly SlaPause[];
}

export const SLA_CLOCK_NOT_STARTED: SlaClock = { startedOn: null, pauses: [] };

export type SlaDue =
  | { readonly kind: 'not-started' }
  | {
      readonly kind: 'paused';
      readonly since: IsoDate;
      readonly reason: SlaPauseReason;
      readonly workingDays: number;
      readonly workingDaysUsed: number;
    }
  | {
      readonly kind: 'running';
      readonly startedOn: IsoDate;
      readonly workingDays: number;
      readonly pausedWorkingDays: number;
      /** The last day payment is on time. */
      readonly dueDate: IsoDate;
      readonly ruleSetId: string;
      readonly legalBasis: string;
    };

export interface SlaDueInput {
  readonly program: ClaimProgram;
  readonly clock: SlaClock;
  readonly calendar: WorkingDayCalendar;
}

function pauseHolding(day: IsoDate, pauses: readonly SlaPause[]): SlaPause | undefined {
  return pauses.find((pause) => pause.from < day && (pause.until === null || day <= pause.until));
}

/** A year of working days: a longer walk means broken pause data. */
const MAX_STEPS = 400;

/**
 * The payment due date: the rules library's working days (JKK 7, JKM 3) counted from the day
 * the documents were complete, skipping working days while the clock was paused.
 */
export function slaDueDate(input: SlaDueInput): Result<SlaDue> {
  const { clock, calendar, program } = input;
  if (clock.startedOn === null) return { ok: true, value: { kind: 'not-started' } };
  const due = benefitPaymentDueDate({ program, completeClaimDate: clock.startedOn, calendar });
  if (!due.ok) return due;
  const { workingDays, ruleSetId, provenance } = due.value;
  let day = ruleDate(clock.startedOn);
  let counted = 0;
  let paused = 0;
  for (let step = 0; counted < workingDays; step += 1) {
    if (step > MAX_STEPS) throw new Error('@santunan/claims-domain bug: the SLA clock never runs');
    const next = addWorkingDays(day, 1, calendar);
    if (!next.ok) return next;
    const pause = pauseHolding(next.value, clock.pauses);
    if (pause !== undefined && pause.until === null) {
      return {
        ok: true,
        value: {
          kind: 'paused',
          since: pause.from,
          reason: pause.reason,
          workingDays,
          workingDaysUsed: counted,
        },
      };
    }
    if (pause === undefined) counted += 1;
    else paused += 1;
    day = next.value;
  }
  return {
    ok: true,
    value: {
      kind: 'running',
      startedOn: clock.startedOn,
      workingDays,
      pausedWorkingDays: paused,
      dueDate: day,
      ruleSetId,
      legalBasis: provenance.legalBasis,
    },
  };
}

export type SlaStatus =
  | { readonly kind: 'not-started' }
  | { readonly kind: 'paused'; readonly since: IsoDate; readonly reason: SlaPauseReason }
  /** Not paid yet, and not late on the day asked about. */
  | { readonly kind: 'on-time'; readonly dueDate: IsoDate }
  /** Not paid by the due date; calendar days after it, as late-payment compensation counts. */
  | { readonly kind: 'overdue'; readonly dueDate: IsoDate; readonly daysOverdue: number }
  | { readonly kind: 'paid-on-time'; readonly dueDate: IsoDate; readonly paidOn: IsoDate }
  | {
      readonly kind: 'paid-late';
      readonly dueDate: IsoDate;
      readonly paidOn: IsoDate;
      readonly daysLate: number;
    };

export interface SlaStatusInput extends SlaDueInput {
  /** The day asked about. */
  readonly on: IsoDate;
  /** When the benefit was paid, if it was. */
  readonly paidOn?: IsoDate | null;
}

/** Where a claim stands against its payment deadline on a given day. */
export function slaStatusOn(input: SlaStatusInput): Result<SlaStatus> {
  const due = slaDueDate(input);
  if (!due.ok) return due;
  switch (due.value.kind) {
    case 'not-started':
      return { ok: true, value: { kind: 'not-started' } };
    case 'paused':
      return {
        ok: true,
        value: { kind: 'paused', since: due.value.since, reason: due.value.reason },
      };
    case 'running': {
      const { dueDate } = due.value;
      const paidOn = input.paidOn ?? null;
      const daysAfterDue = (day: IsoDate): number => daysBetween(ruleDate(dueDate), ruleDate(day));
      if (paidOn !== null && paidOn <= input.on) {
        return paidOn > dueDate
          ? {
              ok: true,
              value: { kind: 'paid-late', dueDate, paidOn, daysLate: daysAfterDue(paidOn) },
            }
          : { ok: true, value: { kind: 'paid-on-time', dueDate, paidOn } };
      }
      return input.on > dueDate
        ? { ok: true, value: { kind: 'overdue', dueDate, daysOverdue: daysAfterDue(input.on) } }
        : { ok: true, value: { kind: 'on-time', dueDate } };
    }
    default: {
      const _exhaustive: never = due.value;
      return _exhaustive;
    }
  }
}

/** Whether a claim is overdue on a given day: past its due date and not paid. */
export function isOverdue(input: SlaStatusInput): Result<boolean> {
  const status = slaStatusOn(input);
  return status.ok ? { ok: true, value: status.value.kind === 'overdue' } : status;
}
