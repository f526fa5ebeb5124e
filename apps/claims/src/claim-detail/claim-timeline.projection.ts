import { CLAIMS_SCHEMA_VERSIONS, type ClaimsEvent } from '@santunan/contracts';
import type { EventEnvelope, Projection, Transaction } from '@santunan/platform';
import { timelineEntry } from './timeline-entry';

const HANDLED: ReadonlySet<string> = new Set(Object.keys(CLAIMS_SCHEMA_VERSIONS));

type StoredData = Readonly<Record<string, unknown>>;

function text(data: StoredData, field: string): string | null {
  const value = data[field];
  return typeof value === 'string' ? value : null;
}

/**
 * `claim_timeline`: every event of a claim — and of its accident report, its entry in the
 * death register and its scholarship entitlement — with who did it (the actor of the event's
 * metadata). A function of the events alone, so a rebuild equals the live model.
 */
export class ClaimTimelineProjection implements Projection {
  readonly name = 'claim-timeline';

  handles(type: string): boolean {
    return HANDLED.has(type);
  }

  async reset(tx: Transaction): Promise<void> {
    await tx.query('delete from claim_timeline');
    await tx.query('delete from claim_timeline_entitlements');
  }

  async apply(tx: Transaction, event: EventEnvelope): Promise<void> {
    const data = (event.data ?? {}) as StoredData;
    const entitlementId = text(data, 'entitlementId');
    let claimId = text(data, 'claimId');
    if (entitlementId !== null) {
      if (claimId !== null) {
        await tx.query(
          `insert into claim_timeline_entitlements (entitlement_id, claim_id) values ($1, $2)
           on conflict (entitlement_id) do nothing`,
          [entitlementId, claimId],
        );
      } else {
        const [row] = await tx.query<{ claim_id: string }>(
          'select claim_id from claim_timeline_entitlements where entitlement_id = $1',
          [entitlementId],
        );
        claimId = row?.claim_id ?? null;
      }
    }
    // The stored form: personal members are sealed objects, which timelineEntry never reads.
    const { summary, details } = timelineEntry({
      type: event.type,
      data,
    } as unknown as ClaimsEvent);
    await tx.query(
      `insert into claim_timeline (global_position, claim_id, accident_report_id, stream_id,
          version, event_type, occurred_at, recorded_at, actor, summary, details)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (global_position) do nothing`,
      [
        event.globalPosition,
        claimId,
        event.streamType === 'accident-report' ? text(data, 'reportId') : null,
        event.streamId,
        event.version,
        event.type,
        event.occurredAt,
        event.recordedAt,
        JSON.stringify(event.metadata.actor),
        summary,
        JSON.stringify(details),
      ],
    );
  }
}
