import type { EventEnvelope, IncomingMessage } from '@santunan/platform';
import { UndecodableMessageError } from '@santunan/platform';

/** How a settlement report travels through the platform's consumer (inbox, retries, DLQ). */
export const SETTLEMENT_REPORTED = 'SettlementReported';

type Envelope = EventEnvelope<string, Readonly<Record<string, unknown>>>;

const FINANCE_SYSTEM = { id: 'finance-system', kind: 'system' } as const;

/**
 * Settlement reports are plain JSON from the bank or finance system, not the platform's
 * envelope. This reads one into an envelope for the consumer: the report id is the event id
 * (so the inbox drops a resent report), the payout id the stream; the DTO checks the rest.
 */
export function decodeSettlementReport(message: IncomingMessage): Envelope {
  if (message.value === null || message.value.length === 0) {
    throw new UndecodableMessageError('empty settlement report');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    throw new UndecodableMessageError(
      `settlement report is not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UndecodableMessageError('a settlement report must be a JSON object');
  }
  const report = parsed as Readonly<Record<string, unknown>>;
  const reportId = report['reportId'];
  if (typeof reportId !== 'string' || reportId === '') {
    throw new UndecodableMessageError(
      'a settlement report needs a reportId (its deduplication key)',
    );
  }
  const payoutId =
    typeof report['payoutId'] === 'string' ? report['payoutId'] : (message.key ?? 'unknown');
  const at =
    typeof report['reportedAt'] === 'string'
      ? report['reportedAt']
      : new Date(Number(message.timestamp)).toISOString();
  return {
    eventId: `settlement-report:${reportId}`,
    type: SETTLEMENT_REPORTED,
    schemaVersion: typeof report['schemaVersion'] === 'number' ? report['schemaVersion'] : 1,
    streamId: payoutId,
    streamType: 'settlement-report',
    version: 1,
    globalPosition: message.offset,
    occurredAt: at,
    recordedAt: at,
    metadata: { correlationId: reportId, causationId: null, actor: FINANCE_SYSTEM },
    data: report,
    // Not a stored event: nothing to chain.
    hash: 'not-stored',
    previousHash: null,
  };
}
