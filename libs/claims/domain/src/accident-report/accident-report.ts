import type { AccidentReported, ClaimsEventOf, IsoDate } from '@santunan/contracts';
import { accept, isIsoDate, rejectWith, type Decision } from '@santunan/domain-kernel';
import { daysBetween } from '@santunan/rules';
import type { AccidentReportFacts } from '../facts/claim-facts';
import { ruleDate } from '../shared/dates';

// JKK stage I: the accident is reported (within 2 × 24 hours) and BPJS decides within 30 days
// whether it is a work accident. The claim (stage II) follows on the doctor's statement.

/** The report as the notifier gives it; who took it, when, and how late, the decider adds. */
export interface ReportAccident
  extends Omit<AccidentReported, 'reportedOn' | 'reportedBy' | 'daysAfterIncident'> {
  readonly type: 'ReportAccident';
  /** When the report reached the office; today when absent. */
  readonly reportedOn?: IsoDate;
  readonly officerId: string;
}

export interface ConfirmWorkAccident {
  readonly type: 'ConfirmWorkAccident';
  readonly note: string;
  readonly officerId: string;
}

export interface RefuteWorkAccident {
  readonly type: 'RefuteWorkAccident';
  readonly reason: string;
  readonly officerId: string;
}

export type AccidentReportCommand = ReportAccident | ConfirmWorkAccident | RefuteWorkAccident;

export const ACCIDENT_REPORT_EVENT_TYPES = [
  'AccidentReported',
  'WorkAccidentConfirmed',
  'WorkAccidentRefuted',
] as const;
export type AccidentReportEvent = ClaimsEventOf<(typeof ACCIDENT_REPORT_EVENT_TYPES)[number]>;

export type AccidentReportState =
  | { readonly status: 'none' }
  | { readonly status: 'reported'; readonly report: AccidentReported }
  | {
      readonly status: 'confirmed';
      readonly report: AccidentReported;
      readonly confirmedOn: IsoDate;
    }
  | {
      readonly status: 'refuted';
      readonly report: AccidentReported;
      readonly refutedOn: IsoDate;
      readonly reason: string;
    };

export type AccidentReportRejectionCode =
  | 'REPORT_NOT_FOUND'
  | 'REPORT_ALREADY_FILED'
  | 'DATE_INVALID'
  | 'INCIDENT_DATE_IN_FUTURE'
  | 'REPORT_BEFORE_INCIDENT'
  | 'REPORT_INCOMPLETE'
  | 'WORK_ACCIDENT_ALREADY_DECIDED'
  | 'REASON_REQUIRED';

export type AccidentReportDecision = Decision<AccidentReportEvent, AccidentReportRejectionCode>;

export interface AccidentReportContext {
  readonly today: IsoDate;
}

export const initialAccidentReportState = (): AccidentReportState => ({ status: 'none' });

export function evolveAccidentReport(
  state: AccidentReportState,
  event: AccidentReportEvent,
): AccidentReportState {
  switch (event.type) {
    case 'AccidentReported':
      return { status: 'reported', report: event.data };
    case 'WorkAccidentConfirmed':
      return state.status === 'none'
        ? state
        : { status: 'confirmed', report: state.report, confirmedOn: event.data.confirmedOn };
    case 'WorkAccidentRefuted':
      return state.status === 'none'
        ? state
        : {
            status: 'refuted',
            report: state.report,
            refutedOn: event.data.refutedOn,
            reason: event.data.reason,
          };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function report(
  state: AccidentReportState,
  command: ReportAccident,
  context: AccidentReportContext,
): AccidentReportDecision {
  const reportedOn = command.reportedOn ?? context.today;
  if (state.status !== 'none') {
    const same =
      state.report.participantId === command.participantId &&
      state.report.incidentDate === command.incidentDate &&
      state.report.chronology === command.chronology;
    return same
      ? accept()
      : rejectWith(
          'REPORT_ALREADY_FILED',
          `report ${state.report.reportId} exists with other details`,
        );
  }
  if (!isIsoDate(command.incidentDate) || !isIsoDate(reportedOn)) {
    return rejectWith('DATE_INVALID', 'the incident and report dates must be YYYY-MM-DD dates');
  }
  if (command.incidentDate > context.today) {
    return rejectWith(
      'INCIDENT_DATE_IN_FUTURE',
      `the incident date ${command.incidentDate} is after today (${context.today})`,
    );
  }
  if (reportedOn < command.incidentDate || reportedOn > context.today) {
    return rejectWith('REPORT_BEFORE_INCIDENT', `a report cannot be made on ${reportedOn}`);
  }
  if (
    command.place.trim() === '' ||
    command.chronology.trim() === '' ||
    command.notifier.name.trim() === ''
  ) {
    return rejectWith(
      'REPORT_INCOMPLETE',
      'a report needs the place, the chronology and the notifier',
    );
  }
  return accept({
    type: 'AccidentReported',
    data: {
      reportId: command.reportId,
      participantId: command.participantId,
      incidentKind: command.incidentKind,
      incidentDate: command.incidentDate,
      place: command.place,
      chronology: command.chronology,
      trafficAccident: command.trafficAccident,
      notifier: command.notifier,
      witnesses: command.witnesses,
      reportedOn,
      reportedBy: command.officerId,
      // Lateness is recorded, not held against the worker: the 2 × 24 hours bind the notifier.
      daysAfterIncident: daysBetween(ruleDate(command.incidentDate), ruleDate(reportedOn)),
    },
  });
}

function decideStageOne(
  state: AccidentReportState,
  command: ConfirmWorkAccident | RefuteWorkAccident,
  context: AccidentReportContext,
): AccidentReportDecision {
  if (state.status === 'none')
    return rejectWith('REPORT_NOT_FOUND', 'no accident report with this id');
  if (state.status !== 'reported') {
    return rejectWith('WORK_ACCIDENT_ALREADY_DECIDED', `the report is already ${state.status}`);
  }
  const { reportId, participantId, incidentDate, reportedOn } = state.report;
  const daysAfterReport = daysBetween(ruleDate(reportedOn), ruleDate(context.today));
  if (command.type === 'ConfirmWorkAccident') {
    return accept({
      type: 'WorkAccidentConfirmed',
      data: {
        reportId,
        participantId,
        incidentDate,
        confirmedOn: context.today,
        confirmedBy: command.officerId,
        daysAfterReport,
        note: command.note,
      },
    });
  }
  if (command.reason.trim() === '')
    return rejectWith('REASON_REQUIRED', 'say why it is not a work accident');
  return accept({
    type: 'WorkAccidentRefuted',
    data: {
      reportId,
      participantId,
      refutedOn: context.today,
      refutedBy: command.officerId,
      daysAfterReport,
      reason: command.reason,
    },
  });
}

/** The accident report decider (stream `accident-report-<reportId>`). */
export function decideAccidentReport(
  command: AccidentReportCommand,
  state: AccidentReportState,
  context: AccidentReportContext,
): AccidentReportDecision {
  switch (command.type) {
    case 'ReportAccident':
      return report(state, command, context);
    case 'ConfirmWorkAccident':
    case 'RefuteWorkAccident':
      return decideStageOne(state, command, context);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** What a JKK claim needs to know of its report (see SubmitJkkClaim and ClaimFacts). */
export function accidentReportFacts(state: AccidentReportState): AccidentReportFacts | null {
  if (state.status === 'none') return null;
  const { reportId, participantId, incidentDate, trafficAccident } = state.report;
  return { reportId, participantId, incidentDate, trafficAccident, status: state.status };
}
