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
    await this.applyBatch(tx, [envelope]);
  }

  /**
   * A page at once: the page's programs read in one query, each report evolved through its
   * events in order and written once, the statements and receipts inserted together — what
   * `apply` one by one leaves (each write replaces the report; inserts skip what exists).
   */
  async applyBatch(tx: Transaction, envelopes: readonly EventEnvelope[]): Promise<void> {
    const reported = envelopes.flatMap((envelope) => {
      const event = { type: envelope.type, data: envelope.data } as ContributionsEvent;
      const programId = reportedProgramIdOf(event);
      return programId === null ? [] : [{ programId, event, envelope }];
    });
    if (reported.length === 0) return;
    const rows = await tx.query<{ program_id: string; report: ProgramReport }>(
      'select program_id, report from program_report where program_id = any($1::text[])',
      [[...new Set(reported.map(({ programId }) => programId))]],
    );
    const reports = new Map(rows.map((row) => [row.program_id, row.report]));
    const changed = new Map<string, { report: ProgramReport; at: string }>();
    const statements: unknown[] = [];
    const receipts: unknown[] = [];
    for (const { programId, event, envelope } of reported) {
      const report = evolveProgramReport(reports.get(programId) ?? null, event);
      if (report === null) continue;
      reports.set(programId, report);
      changed.set(programId, { report, at: envelope.recordedAt });
      if (event.type === 'SponsorStatementIssued') {
        statements.push({
          program_id: programId,
          month: event.data.month,
          statement: event.data,
          issued_at: envelope.recordedAt,
        });
      }
      if (event.type === 'SponsorPaymentReceived') {
        receipts.push({
          program_id: programId,
          payment_reference: event.data.paymentReference,
          month: event.data.month,
          receipt: event.data,
          recorded_at: envelope.recordedAt,
        });
      }
    }
    if (changed.size > 0) {
      const written = [...changed].map(([programId, { report, at }]) => ({
        program_id: programId,
        report,
        updated_at: at,
      }));
      await tx.query(
        `insert into program_report (program_id, report, updated_at)
         select * from jsonb_to_recordset($1::jsonb) as row(program_id text, report jsonb, updated_at text)
         on conflict (program_id) do update set report = excluded.report, updated_at = excluded.updated_at`,
        [JSON.stringify(written)],
      );
    }
    if (statements.length > 0) {
      await tx.query(
        `insert into sponsor_statements (program_id, month, statement, issued_at)
         select * from jsonb_to_recordset($1::jsonb)
           as row(program_id text, month text, statement jsonb, issued_at text)
         on conflict do nothing`,
        [JSON.stringify(statements)],
      );
    }
    if (receipts.length > 0) {
      await tx.query(
        `insert into sponsor_payments (program_id, payment_reference, month, receipt, recorded_at)
         select * from jsonb_to_recordset($1::jsonb)
           as row(program_id text, payment_reference text, month text, receipt jsonb, recorded_at text)
         on conflict do nothing`,
        [JSON.stringify(receipts)],
      );
    }
  }
}
