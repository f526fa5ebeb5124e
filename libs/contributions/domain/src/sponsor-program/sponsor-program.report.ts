import type {
  ContributionsEvent,
  IsoMonth,
  MonthlyContribution,
  SponsorPayerType,
  SponsorType,
} from '@santunan/contracts';

/** What a sponsor operator sees: budget committed against budget spent. Integer rupiah. */
export interface ProgramReport {
  readonly programId: string;
  readonly name: string;
  readonly sponsorType: SponsorType;
  readonly payerType: SponsorPayerType;
  readonly pksNumber: string;
  readonly firstMonth: IsoMonth;
  readonly lastMonth: IsoMonth;
  readonly contribution: MonthlyContribution;
  readonly budget: number;
  readonly quota: number;
  /** Sponsorships running (not ended by a death): what the quota counts. */
  readonly enrolled: number;
  readonly sponsorshipsEnded: number;
  /** Tariff × sponsored months of every enrolment, less what deaths released. */
  readonly committed: number;
  /** Budget − committed: what new enrolments can still use. */
  readonly uncommittedBudget: number;
  /** Sum of the monthly statements. */
  readonly billed: number;
  /** Money the sponsor sent. */
  readonly received: number;
  /** Received money allocated to dues (whole dues only). */
  readonly paid: number;
  /** Received but short of a whole due, waiting for the month's next payment. */
  readonly held: number;
  /** Owed back to the sponsor for months after a participant's death. */
  readonly refunded: number;
  /** The refunds by the month they were paid for (each month's part of `refunded`). */
  readonly refundedByMonth: Readonly<Record<IsoMonth, number>>;
  /** Budget − received + refunded: what the sponsor has not spent. */
  readonly remainingBudget: number;
}

/** The program an event counts for in a report, if any. */
export function reportedProgramIdOf(event: ContributionsEvent): string | null {
  switch (event.type) {
    case 'SponsorProgramOpened':
    case 'ParticipantSponsored':
    case 'ParticipantSponsorshipEnded':
    case 'SponsorStatementIssued':
    case 'SponsorPaymentReceived':
    case 'SponsorPaymentAllocated':
    case 'SponsorProgramClosed':
      return event.data.programId;
    case 'RefundDue':
      return event.data.payer.kind === 'program' ? event.data.payer.programId : null;
    case 'ContributionAccountOpened':
    case 'SelfPayingMembershipStarted':
    case 'SponsorshipStarted':
    case 'DeclaredIncomeRecorded':
    case 'ContributionBilled':
    case 'ContributionPaid':
    case 'CoverageExtended':
    case 'ContributionArrearsRecorded':
    case 'ContributionGraceExpired':
    case 'CoverageLapsed':
    case 'CoverageReinstated':
    case 'ContributionAccountClosed':
      return null;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function withBudget(report: ProgramReport): ProgramReport {
  return {
    ...report,
    uncommittedBudget: report.budget - report.committed,
    held: report.received - report.paid,
    remainingBudget: report.budget - report.received + report.refunded,
  };
}

/**
 * One event applied to one program's report (a read model row). `report` is null until the
 * program's opening; events of other programs must not be passed (see reportedProgramIdOf).
 */
export function evolveProgramReport(
  report: ProgramReport | null,
  event: ContributionsEvent,
): ProgramReport | null {
  if (event.type === 'SponsorProgramOpened') {
    const { programId, name, sponsorType, payerType, pksNumber, firstMonth, lastMonth } =
      event.data;
    return withBudget({
      programId,
      name,
      sponsorType,
      payerType,
      pksNumber,
      firstMonth,
      lastMonth,
      contribution: event.data.contribution,
      budget: event.data.budget,
      quota: event.data.quota,
      enrolled: 0,
      sponsorshipsEnded: 0,
      committed: 0,
      uncommittedBudget: 0,
      billed: 0,
      received: 0,
      paid: 0,
      held: 0,
      refunded: 0,
      refundedByMonth: {},
      remainingBudget: 0,
    });
  }
  if (report === null) return null;
  switch (event.type) {
    case 'ParticipantSponsored':
      return withBudget({
        ...report,
        enrolled: report.enrolled + 1,
        committed: report.committed + event.data.commitment,
      });
    case 'ParticipantSponsorshipEnded':
      return withBudget({
        ...report,
        enrolled: report.enrolled - 1,
        sponsorshipsEnded: report.sponsorshipsEnded + 1,
        committed: report.committed - event.data.releasedCommitment,
      });
    case 'SponsorStatementIssued':
      return { ...report, billed: report.billed + event.data.total };
    case 'SponsorPaymentReceived':
      return withBudget({
        ...report,
        received: report.received + event.data.amount,
        paid: report.paid + event.data.allocatedAmount,
      });
    case 'RefundDue': {
      // Reports stored before refunds were kept by month read as none per month.
      const byMonth: Record<IsoMonth, number> = { ...(report.refundedByMonth ?? {}) };
      for (const line of event.data.lines) {
        byMonth[line.month] = (byMonth[line.month] ?? 0) + line.amount;
      }
      return withBudget({
        ...report,
        refunded: report.refunded + event.data.amount,
        refundedByMonth: byMonth,
      });
    }
    case 'SponsorPaymentAllocated':
    case 'SponsorProgramClosed':
    case 'ContributionAccountOpened':
    case 'SelfPayingMembershipStarted':
    case 'SponsorshipStarted':
    case 'DeclaredIncomeRecorded':
    case 'ContributionBilled':
    case 'ContributionPaid':
    case 'CoverageExtended':
    case 'ContributionArrearsRecorded':
    case 'ContributionGraceExpired':
    case 'CoverageLapsed':
    case 'CoverageReinstated':
    case 'ContributionAccountClosed':
      return report;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** Every program's report from a stream of contributions events (e.g. the whole store). */
export function programReports(events: Iterable<ContributionsEvent>): Map<string, ProgramReport> {
  const reports = new Map<string, ProgramReport>();
  for (const event of events) {
    const programId = reportedProgramIdOf(event);
    if (programId === null) continue;
    const next = evolveProgramReport(reports.get(programId) ?? null, event);
    if (next !== null) reports.set(programId, next);
  }
  return reports;
}
