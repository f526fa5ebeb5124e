import type { ClaimState } from '@santunan/claims-domain';
import {
  decryptPersonalFields,
  verifyEventStreams,
  type Actor,
  type PersonalDataCipher,
  type SqlExecutor,
} from '@santunan/platform';
import { decisionOutcome } from '../propose-decision/decision-outcome.response';
import { claimChangeResponse } from '../shared/claim-change.response';
import {
  WORK_QUEUE_COLUMNS,
  workQueueItem,
  type WorkQueueRow,
} from '../work-queue/work-queue.reader';
import { claimStreamId } from '../shared/claims-streams';
import type {
  ChainVerificationResponse,
  ClaimDetailResponse,
  TimelineItemDto,
} from './claim-detail.dto';

interface TimelineRow {
  event_type: string;
  summary: string;
  actor: Actor;
  occurred_at: string;
  recorded_at: string;
  stream_id: string;
  version: number;
  details: Readonly<Record<string, unknown>>;
}

/**
 * A claim as the two read models hold it: the work queue row with the claim's folded state
 * (personal fields opened now, so an erased participant reads as redacted) and its timeline —
 * the claim's events and those of its accident report, death register entry and scholarship
 * entitlement, in the order they were stored.
 */
export class ClaimDetailReader {
  constructor(
    private readonly database: SqlExecutor,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async detail(claimId: string, today: string): Promise<ClaimDetailResponse | null> {
    const [row] = await this.database.query<
      WorkQueueRow & { state: ClaimState; version: number; accident_report_id: string | null }
    >(
      `select ${WORK_QUEUE_COLUMNS}, q.state, q.version, q.accident_report_id
         from claim_work_queue q left join participants p on p.participant_id = q.participant_id
        where q.claim_id = $1`,
      [claimId],
    );
    if (row === undefined) return null;
    const state = (await decryptPersonalFields(
      this.cipher,
      row.state as unknown as Readonly<Record<string, unknown>>,
    )) as unknown as ClaimState;
    if (state.status === 'none') return null;
    const timeline = await this.database.query<TimelineRow>(
      `select event_type, summary, actor, occurred_at, recorded_at, stream_id, version, details
         from claim_timeline
        where claim_id = $1 or ($2::text is not null and accident_report_id = $2)
        order by global_position`,
      [claimId, row.accident_report_id],
    );
    const outcome = decisionOutcome(state, [], row.version);
    return {
      ...workQueueItem(row, today),
      claimDate: state.file.claimDate,
      accidentReportId: state.file.accidentReportId,
      claimant: state.file.claimant,
      benefits: state.file.benefits,
      paymentAccount: state.file.paymentAccount,
      documents: claimChangeResponse(state, row.version).documents,
      proposal: outcome.proposal,
      decision: outcome.decision,
      rejection: outcome.rejection,
      pending: outcome.pending,
      timeline: timeline.map(
        (entry): TimelineItemDto => ({
          type: entry.event_type,
          summary: entry.summary,
          actor: entry.actor,
          occurredAt: entry.occurred_at,
          recordedAt: entry.recorded_at,
          streamId: entry.stream_id,
          version: entry.version,
          details: entry.details,
        }),
      ),
    };
  }

  /**
   * Recomputes the hash chain of the claim's stream and of every other stream on its timeline
   * (accident report, death register entry, scholarship entitlement) with the event store's
   * own verification. Null when there is no such claim.
   */
  async chainVerification(claimId: string, now: string): Promise<ChainVerificationResponse | null> {
    const [row] = await this.database.query<{ accident_report_id: string | null }>(
      'select accident_report_id from claim_work_queue where claim_id = $1',
      [claimId],
    );
    if (row === undefined) return null;
    const onTimeline = await this.database.query<{ stream_id: string }>(
      `select distinct stream_id from claim_timeline
        where claim_id = $1 or ($2::text is not null and accident_report_id = $2)`,
      [claimId, row.accident_report_id],
    );
    const results = await verifyEventStreams(this.database, [
      claimStreamId(claimId),
      ...onTimeline.map((entry) => entry.stream_id),
    ]);
    const streams = results.map((stream) => ({
      streamId: stream.streamId,
      events: stream.eventsVerified,
      verified: stream.problems.length === 0 && stream.eventsVerified > 0,
      problems: stream.problems.map(({ kind, version, detail }) => ({ kind, version, detail })),
    }));
    return {
      claimId,
      verified: streams.every((stream) => stream.verified),
      verifiedAt: now,
      streams,
    };
  }
}
