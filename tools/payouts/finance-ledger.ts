/**
 * What an example finance system keeps from `payouts.events`: one line per payout, built
 * from the events alone (amounts in whole rupiah), deduplicated by event id.
 */
export interface LedgerLine {
  readonly payoutId: string;
  kind: string;
  program: string;
  decisionId: string;
  beneficiary: string;
  account: string;
  amount: number;
  status: string;
  attempt: number;
  batchId: string | null;
  bankReference: string | null;
  dueDate: string | null;
  compensates: string | null;
}

interface Envelope {
  readonly eventId: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '[sealed]');

export class FinanceLedger {
  readonly lines = new Map<string, LedgerLine>();
  private readonly seen = new Set<string>();

  /** Applies one (decrypted, or still sealed) event; false for a duplicate or another type. */
  apply(event: Envelope): boolean {
    if (this.seen.has(event.eventId)) return false;
    this.seen.add(event.eventId);
    const data = event.data;
    const payoutId = typeof data['payoutId'] === 'string' ? data['payoutId'] : undefined;
    if (event.type === 'PayoutScheduled' && payoutId !== undefined) {
      const beneficiary = data['beneficiary'] as Record<string, unknown>;
      const account = data['bankAccount'] as Record<string, unknown>;
      const decision = data['decision'] as Record<string, unknown>;
      const compensation = data['compensation'] as Record<string, unknown> | null;
      this.lines.set(payoutId, {
        payoutId,
        kind: text(data['kind']),
        program: text(data['program']),
        decisionId: text(decision['decisionId']),
        beneficiary: text(beneficiary['fullName']),
        account: `${text(account['bankCode'])} ${text(account['accountNumber'])}`,
        amount: Number(data['amount']),
        status: 'scheduled',
        attempt: 1,
        batchId: null,
        bankReference: null,
        dueDate: typeof data['dueDate'] === 'string' ? data['dueDate'] : null,
        compensates: compensation === null ? null : text(compensation['compensatesPayoutId']),
      });
      return true;
    }
    const line = payoutId === undefined ? undefined : this.lines.get(payoutId);
    if (line === undefined) return false;
    switch (event.type) {
      case 'PayoutInstructed':
        line.status = 'instructed';
        line.batchId = text(data['batchId']);
        line.attempt = Number(data['attempt']);
        return true;
      case 'PayoutSettled':
      case 'PayoutFailed':
      case 'PayoutReturned':
        line.status = event.type.replace('Payout', '').toLowerCase();
        line.bankReference = text(data['bankReference']);
        return true;
      case 'PayoutReissued': {
        const account = data['bankAccount'] as Record<string, unknown>;
        line.status = 'scheduled';
        line.attempt = Number(data['attempt']);
        line.account = `${text(account['bankCode'])} ${text(account['accountNumber'])}`;
        return true;
      }
      case 'PayoutCancelled':
        line.status = 'cancelled';
        return true;
      default:
        return false;
    }
  }

  /** Settled, open and cancelled totals: what a finance system reconciles against its bank. */
  totals(): { settled: number; open: number; cancelled: number } {
    const totals = { settled: 0, open: 0, cancelled: 0 };
    for (const line of this.lines.values()) {
      if (line.status === 'settled') totals.settled += line.amount;
      else if (line.status === 'cancelled') totals.cancelled += line.amount;
      else totals.open += line.amount;
    }
    return totals;
  }
}
