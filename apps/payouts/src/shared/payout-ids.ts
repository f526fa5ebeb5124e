import { createHash } from 'node:crypto';

/** Namespace of santunan payout ids (RFC 9562 name-based UUIDs, version 5). */
const PAYOUTS_NAMESPACE = '6f1c8a52-3d2e-5b7a-9c41-0e8d7f2a6b35';

/** A name-based UUID (RFC 9562 version 5: SHA-1 of namespace and name). */
export function uuidV5(name: string, namespace = PAYOUTS_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Stable payout ids: the same decision and beneficiary always name the same payout, so a
 * redelivered or replayed decision finds its order instead of making a second one, and a
 * finance system can key on the id from the first event it sees.
 */
export function benefitPayoutId(decisionId: string, beneficiaryId: string): string {
  return uuidV5(`benefit:${decisionId}:${beneficiaryId}`);
}

/** At most one compensation per payout: its id follows from the payout's. */
export function compensationPayoutId(payoutId: string): string {
  return uuidV5(`late-payment-compensation:${payoutId}`);
}
