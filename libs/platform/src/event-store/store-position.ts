import type { EventEnvelope } from './envelope';

/**
 * Where a reader of all events stands. Events are read in (transactionId, globalPosition)
 * order: once the snapshot horizon has passed a transaction id, no event can appear below
 * it any more, which a global position alone cannot promise (ADR 0004).
 */
export interface StorePosition {
  /** xid8 of the writing transaction, as a decimal string. */
  readonly transactionId: string;
  /** events.global_position, as a decimal string. */
  readonly globalPosition: string;
}

export const START_OF_STORE: StorePosition = { transactionId: '0', globalPosition: '0' };

/** Negative, zero or positive as `a` comes before, at or after `b` in readAll's order. */
export function comparePositions(a: StorePosition, b: StorePosition): number {
  const byTransaction = compareDecimal(a.transactionId, b.transactionId);
  return byTransaction !== 0 ? byTransaction : compareDecimal(a.globalPosition, b.globalPosition);
}

function compareDecimal(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface PositionedEvent {
  readonly position: StorePosition;
  readonly event: EventEnvelope;
}
