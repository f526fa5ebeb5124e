import type { ContributionsEvent, ContributionsEventType } from '@santunan/contracts';
import {
  evolveProgramReport,
  reportedProgramIdOf,
  type ProgramReport,
} from '@santunan/contributions-domain';
import type { EventEnvelope, Projection, Transaction } from '@santunan/platform';

const REPORTED: ReadonlySet<ContributionsEventType> = new Set<ContributionsEventType>([
  'SponsorProgramOpened',
  'ParticipantSponsored',
  'ParticipantSponsorshipEnded',
  'SponsorStatementIssued',
  'SponsorPaymentReceived',
  'RefundDue',
]);

/**
 * `program_report` (the domain's report, one row per program: quota, enrolled, committed,
 * billed, received, paid, held, refunded, remaining budget), `sponsor_statements` (each
 * monthly statement) and `sponsor_payments` (each receipt). Built from the events only.
 */
export class ProgramReportProjection implements Projection {
  readonly name = 'program-report';

  handles(type: string): boolean {
    return REPORTED.has(type as ContributionsEventType);
  }

  async reset(tx: Transaction): Promise<void> {
    await tx.query('delete from sponsor_payments');
    await tx.query('delete from sponsor_statements');
    await tx.query('delete from program_report');
  }

  async apply(tx: Transaction, envelope: EventEnvelope): Promise<void> {
    const event = { type: envelope.type, data: envelope.data } as ContributionsEvent;
    const programId = reportedProgramIdOf(event);
    if (programId === null) return;
    const [row] = await tx.query<{ report: ProgramReport }>(
      'select report from program_report where program_id = $1',
      [programId],
    );
    const report = evolveProgramReport(row?.report ?? null, event);
    if (report === null) return;
    await tx.query(
      `insert into program_report (program_id, report, updated_at) values ($1, $2, $3)
       on conflict (program_id) do update set report = excluded.report, updated_at = excluded.updated_at`,
      [programId, JSON.stringify(report), envelope.recordedAt],
    );
    if (event.type === 'SponsorStatementIssued') {
      await tx.query(
        `insert into sponsor_statements (program_id, month, statement, issued_at) values ($1, $2, $3, $4)
         on conflict do nothing`,
        [programId, event.data.month, JSON.stringify(event.data), envelope.recordedAt],
      );
    }
    if (event.type === 'SponsorPaymentReceived') {
      await tx.query(
        `insert into sponsor_payments (program_id, payment_reference, month, receipt, recorded_at)
         values ($1, $2, $3, $4, $5) on conflict do nothing`,
        [
          programId,
          event.data.paymentReference,
          event.data.month,
          JSON.stringify(event.data),
          envelope.recordedAt,
        ],
      );
    }
  }
}
