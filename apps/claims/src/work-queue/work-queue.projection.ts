import {
  CLAIM_EVENT_TYPES,
  evolveClaim,
  initialClaimState,
  missingDocuments,
  slaDueDate,
  type ClaimEvent,
  type ClaimOnFile,
  type ClaimState,
} from '@santunan/claims-domain';
import type { EventEnvelope, Projection, Transaction } from '@santunan/platform';
import type { WorkingDayCalendar } from '@santunan/rules';

const CLAIM_TYPES: ReadonlySet<string> = new Set(CLAIM_EVENT_TYPES);
const ENTITLEMENT_TYPES: ReadonlySet<string> = new Set([
  'ScholarshipEntitlementGranted',
  'ScholarshipEntitlementRefused',
]);

export type SlaState = 'not-started' | 'paused' | 'running' | 'not-computable';

interface Sla {
  readonly state: SlaState;
  readonly dueDate: string | null;
}

function slaOf(claim: ClaimOnFile, calendar: WorkingDayCalendar): Sla {
  const due = slaDueDate({ program: claim.file.program, clock: claim.file.clock, calendar });
  if (!due.ok) return { state: 'not-computable', dueDate: null };
  return due.value.kind === 'running'
    ? { state: 'running', dueDate: due.value.dueDate }
    : { state: due.value.kind, dueDate: null };
}

/**
 * `claim_work_queue`: one row per claim — status, type, SLA due date, what the checker or
 * maker has to do — and the claim's folded state. The state is folded from the stored
 * (sealed) events: `evolveClaim` copies personal members without reading them, so they stay
 * sealed in the row and are opened by a reader that needs them. The due date depends on the
 * events and the configured calendar only, so a rebuild equals the live model; whether a claim
 * is overdue depends on today and is decided at read time.
 */
export class WorkQueueProjection implements Projection {
  readonly name = 'claim-work-queue';

  constructor(private readonly calendar: WorkingDayCalendar) {}

  handles(type: string): boolean {
    return CLAIM_TYPES.has(type) || ENTITLEMENT_TYPES.has(type);
  }

  async reset(tx: Transaction): Promise<void> {
    await tx.query('delete from claim_work_queue');
  }

  async apply(tx: Transaction, event: EventEnvelope): Promise<void> {
    const data = event.data as { claimId: string; entitlementId?: string; submittedBy?: string };
    if (ENTITLEMENT_TYPES.has(event.type)) {
      await tx.query(
        'update claim_work_queue set scholarship_entitlement_id = $2 where claim_id = $1',
        [data.claimId, data.entitlementId],
      );
      return;
    }
    const [row] = await tx.query<{ state: ClaimState }>(
      'select state from claim_work_queue where claim_id = $1',
      [data.claimId],
    );
    const state = evolveClaim(row?.state ?? initialClaimState(), {
      type: event.type,
      data: event.data,
    } as ClaimEvent);
    if (state.status === 'none') return;
    const { file } = state;
    const sla = slaOf(state, this.calendar);
    const proposal = state.status === 'awaiting-checker' ? state.proposal : null;
    const approvalProposal =
      state.status === 'awaiting-checker' && state.proposalKind === 'approval'
        ? state.proposal
        : null;
    await tx.query(
      `insert into claim_work_queue (claim_id, participant_id, program, benefit_type, status,
          incident_date, date_of_death, submitted_on, submitted_by, accident_report_id,
          documents_complete, missing_documents, sla_state, sla_due_date, pending_decision_id,
          proposed_by, proposed_total, checker_required, last_decision_id, decided_total,
          rejection_codes, created_at, updated_at, version, state)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
          $19, $20, $21, $22, $22, $23, $24)
       on conflict (claim_id) do update set
          status = excluded.status, documents_complete = excluded.documents_complete,
          missing_documents = excluded.missing_documents, sla_state = excluded.sla_state,
          sla_due_date = excluded.sla_due_date, pending_decision_id = excluded.pending_decision_id,
          proposed_by = excluded.proposed_by, proposed_total = excluded.proposed_total,
          checker_required = excluded.checker_required,
          last_decision_id = excluded.last_decision_id, decided_total = excluded.decided_total,
          rejection_codes = excluded.rejection_codes, updated_at = excluded.updated_at,
          version = excluded.version, state = excluded.state`,
      [
        file.claimId,
        file.participantId,
        file.program,
        file.benefitType,
        state.status,
        file.incidentDate,
        file.dateOfDeath,
        file.claimDate,
        data.submittedBy ?? event.metadata.actor.id,
        file.accidentReportId,
        file.documents.complete,
        JSON.stringify(missingDocuments(file)),
        sla.state,
        sla.dueDate,
        proposal?.decisionId ?? null,
        proposal?.proposedBy ?? null,
        approvalProposal?.total ?? null,
        // A rejection proposal always needs its checker.
        proposal === null ? null : (approvalProposal?.checkerRequired ?? true),
        file.lastDecisionId,
        state.status === 'approved' ? state.decision.total : null,
        JSON.stringify(
          state.status === 'rejected' ? state.decision.reasons.map((reason) => reason.code) : [],
        ),
        event.recordedAt,
        event.version,
        JSON.stringify(state),
      ],
    );
  }
}
