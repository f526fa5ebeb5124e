import type { SqlExecutor } from '@santunan/platform';
import { calendarDaysBetween } from '../shared/local-date';
import type { SlaState } from './work-queue.projection';
import type { WorkQueueItem, WorkQueuePage, WorkQueueQuery, WorkQueueSort } from './work-queue.dto';

export interface WorkQueueRow {
  claim_id: string;
  participant_id: string;
  regency_code: string | null;
  program: WorkQueueItem['program'];
  benefit_type: WorkQueueItem['benefitType'];
  status: WorkQueueItem['status'];
  incident_date: string;
  date_of_death: string | null;
  submitted_on: string;
  submitted_by: string;
  documents_complete: boolean;
  missing_documents: string[];
  sla_state: SlaState;
  sla_due_date: string | null;
  pending_decision_id: string | null;
  proposal_kind: WorkQueueItem['proposalKind'];
  proposed_by: string | null;
  proposed_total: string | null;
  checker_required: boolean | null;
  last_decision_id: string | null;
  decided_total: string | null;
  rejection_codes: string[];
  scholarship_entitlement_id: string | null;
  updated_at: string;
}

/** The SLA filters look at claims still in the office's hands; payouts tracks payment. */
const UNDECIDED = `q.status not in ('approved', 'rejected')`;
const OVERDUE = `q.sla_state = 'running' and q.sla_due_date < $1 and ${UNDECIDED}`;

/** `sla=due-soon` without `dueWithinDays`: due today or in the next three calendar days. */
export const DUE_SOON_DAYS = 3;

const ORDER: Readonly<Record<WorkQueueSort, string>> = {
  urgency: `(${OVERDUE}) desc, q.sla_due_date asc nulls last, q.submitted_on, q.claim_id`,
  'due-date': 'q.sla_due_date asc nulls last, q.submitted_on, q.claim_id',
  'submitted-on': 'q.submitted_on, q.claim_id',
};

/** Read from the folded state the row keeps, so the table needs no column of its own. */
const PROPOSAL_KIND = `case when q.status = 'awaiting-checker' then q.state->>'proposalKind' end`;

const money = (value: string | null): number | null => (value === null ? null : Number(value));

/** Overdue on `today`: undecided, clock running, due date passed. */
export function workQueueItem(row: WorkQueueRow, today: string): WorkQueueItem {
  const overdue =
    row.sla_state === 'running' &&
    row.sla_due_date !== null &&
    row.sla_due_date < today &&
    row.status !== 'approved' &&
    row.status !== 'rejected';
  return {
    claimId: row.claim_id,
    participantId: row.participant_id,
    regencyCode: row.regency_code,
    program: row.program,
    benefitType: row.benefit_type,
    status: row.status,
    incidentDate: row.incident_date,
    dateOfDeath: row.date_of_death,
    submittedOn: row.submitted_on,
    submittedBy: row.submitted_by,
    documentsComplete: row.documents_complete,
    missingDocuments: row.missing_documents,
    sla: {
      state: row.sla_state,
      dueDate: row.sla_due_date,
      overdue,
      daysOverdue:
        overdue && row.sla_due_date !== null ? calendarDaysBetween(row.sla_due_date, today) : 0,
    },
    pendingDecisionId: row.pending_decision_id,
    proposalKind: row.proposal_kind,
    proposedBy: row.proposed_by,
    proposedTotal: money(row.proposed_total),
    checkerRequired: row.checker_required,
    lastDecisionId: row.last_decision_id,
    approvedTotal: money(row.decided_total),
    rejectionCodes: row.rejection_codes,
    scholarshipEntitlementId: row.scholarship_entitlement_id,
    updatedAt: row.updated_at,
  };
}

export const WORK_QUEUE_COLUMNS = `q.claim_id, q.participant_id, p.regency_code, q.program,
  q.benefit_type, q.status, q.incident_date, q.date_of_death, q.submitted_on, q.submitted_by,
  q.documents_complete, q.missing_documents, q.sla_state, q.sla_due_date, q.pending_decision_id,
  ${PROPOSAL_KIND} as proposal_kind, q.proposed_by, q.proposed_total, q.checker_required, q.last_decision_id, q.decided_total,
  q.rejection_codes, q.scholarship_entitlement_id, q.updated_at`;

/**
 * The claims office's work queue: the claim-work-queue projection joined, at read time, with
 * the participant projection for the kabupaten/kota (so a participant's move shows at once and
 * the projection stays a function of claims' own events). Most urgent first.
 */
export class WorkQueueReader {
  constructor(private readonly database: SqlExecutor) {}

  /** `callerId`: the actor asking, for `mine`. */
  async page(query: WorkQueueQuery, today: string, callerId?: string): Promise<WorkQueuePage> {
    const parameters: unknown[] = [today];
    const where: string[] = [];
    const equals = (column: string, value: string | undefined): void => {
      if (value === undefined) return;
      parameters.push(value);
      where.push(`${column} = $${parameters.length}`);
    };
    equals('q.status', query.status);
    equals('q.program', query.program);
    equals('q.benefit_type', query.benefitType);
    equals('p.regency_code', query.regencyCode);
    equals('q.participant_id', query.participantId);
    equals(PROPOSAL_KIND, query.proposalKind);
    switch (query.sla) {
      case undefined:
        break;
      case 'not-started':
      case 'paused':
        equals('q.sla_state', query.sla);
        where.push(UNDECIDED);
        break;
      case 'overdue':
        where.push(OVERDUE);
        break;
      case 'on-time':
        where.push(`q.sla_state = 'running' and q.sla_due_date >= $1 and ${UNDECIDED}`);
        break;
      case 'due-soon':
        parameters.push(query.dueWithinDays ?? DUE_SOON_DAYS);
        where.push(
          `q.sla_state = 'running' and q.sla_due_date >= $1 and ${UNDECIDED}` +
            ` and q.sla_due_date <= to_char($1::date + $${parameters.length}::int, 'YYYY-MM-DD')`,
        );
        break;
      default: {
        const _exhaustive: never = query.sla;
        return _exhaustive;
      }
    }
    if (query.mine === true) {
      parameters.push(callerId ?? '');
      where.push(
        `(q.submitted_by = $${parameters.length} or q.proposed_by = $${parameters.length})`,
      );
    }
    if (query.scholarship === true) where.push('q.scholarship_entitlement_id is not null');
    parameters.push(query.limit ?? 50, query.offset ?? 0);
    // $1 (today) is typed here too: a sort without the overdue ordering may not mention it.
    const rows = await this.database.query<WorkQueueRow & { total: string }>(
      `select ${WORK_QUEUE_COLUMNS}, count(*) over () as total
         from claim_work_queue q left join participants p on p.participant_id = q.participant_id
        where $1::text is not null ${where.map((condition) => `and ${condition}`).join(' ')}
        order by ${ORDER[query.sort ?? 'urgency']}
        limit $${parameters.length - 1} offset $${parameters.length}`,
      parameters,
    );
    return {
      items: rows.map((row) => workQueueItem(row, today)),
      total: Number(rows[0]?.total ?? 0),
      asOf: today,
    };
  }
}
