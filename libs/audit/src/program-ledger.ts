import { NotFoundError } from './explain';
import { connect } from './sql';
import { readEventsContaining, readStream } from './store-reader';
import { targetOf, type AuditTargets } from './targets';

/**
 * A sponsor program as the auditor reads it from the contributions event store — not from the
 * service's read models — so the figures a sponsor operator sees in the console (and the
 * province's own books) can be checked against the recorded events. Integer rupiah.
 */
export interface ProgramLedger {
  readonly programId: string;
  readonly name: string;
  readonly budget: number;
  /** Sponsorships started less those a death ended. */
  readonly enrolled: number;
  readonly sponsorshipsEnded: number;
  /** Sum of the monthly statements. */
  readonly billed: number;
  /** Money the sponsor sent. */
  readonly received: number;
  /** Received money allocated to whole dues. */
  readonly paid: number;
  /** Owed back to the sponsor for months after deaths (RefundDue on the accounts). */
  readonly refunded: number;
  /** Budget − received + refunded. */
  readonly remaining: number;
  /** Each issued statement's month: billed, received for it, refunded after deaths. */
  readonly statements: readonly ProgramLedgerMonth[];
}

export interface ProgramLedgerMonth {
  readonly month: string;
  readonly billed: number;
  readonly received: number;
  readonly refunded: number;
}

type Data = Readonly<Record<string, unknown>>;

/** What the ledger reads of a stored event. */
export interface LedgerEvent {
  readonly type: string;
  readonly data: unknown;
}

function amountOf(data: Data, field: string, type: string): number {
  const value = data[field];
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new Error(`${type} without an integer ${field}`);
  }
  return value;
}

/**
 * The ledger from the program's stream and the refunds its accounts owe it (pure). Received
 * money counts for the month it was paid for, whether or not that month is billed yet.
 */
export function programLedgerOf(
  programId: string,
  programEvents: readonly LedgerEvent[],
  refunds: readonly LedgerEvent[],
): ProgramLedger {
  let name = '';
  let budget = 0;
  let started = 0;
  let ended = 0;
  let paid = 0;
  const billedByMonth = new Map<string, number>();
  const receivedByMonth = new Map<string, number>();
  const refundedByMonth = new Map<string, number>();
  const add = (totals: Map<string, number>, month: string, amount: number): void => {
    totals.set(month, (totals.get(month) ?? 0) + amount);
  };
  for (const event of programEvents) {
    const data = event.data as Data;
    switch (event.type) {
      case 'SponsorProgramOpened':
        name = String(data['name']);
        budget = amountOf(data, 'budget', event.type);
        break;
      case 'ParticipantSponsored':
        started += 1;
        break;
      case 'ParticipantSponsorshipEnded':
        ended += 1;
        break;
      case 'SponsorStatementIssued':
        add(billedByMonth, String(data['month']), amountOf(data, 'total', event.type));
        break;
      case 'SponsorPaymentReceived':
        add(receivedByMonth, String(data['month']), amountOf(data, 'amount', event.type));
        paid += amountOf(data, 'allocatedAmount', event.type);
        break;
      default:
        break;
    }
  }
  for (const refund of refunds) {
    if (refund.type !== 'RefundDue') continue;
    const lines = (refund.data as Data)['lines'];
    for (const line of Array.isArray(lines) ? (lines as Data[]) : []) {
      add(refundedByMonth, String(line['month']), amountOf(line, 'amount', refund.type));
    }
  }
  const sum = (totals: Map<string, number>): number =>
    [...totals.values()].reduce((total, amount) => total + amount, 0);
  const received = sum(receivedByMonth);
  const refunded = sum(refundedByMonth);
  return {
    programId,
    name,
    budget,
    enrolled: started - ended,
    sponsorshipsEnded: ended,
    billed: sum(billedByMonth),
    received,
    paid,
    refunded,
    remaining: budget - received + refunded,
    statements: [...billedByMonth.keys()].sort().map((month) => ({
      month,
      billed: billedByMonth.get(month) ?? 0,
      received: receivedByMonth.get(month) ?? 0,
      refunded: refundedByMonth.get(month) ?? 0,
    })),
  };
}

/** Reads the program's ledger from the contributions event store. */
export async function readProgramLedger(
  targets: AuditTargets,
  programId: string,
): Promise<ProgramLedger> {
  const db = await connect(targetOf(targets, 'contributions').databaseUrl);
  try {
    const events = await readStream(db, 'contributions', `sponsor-program-${programId}`);
    if (!events.some((event) => event.type === 'SponsorProgramOpened')) {
      throw new NotFoundError(`no sponsor program ${programId} in the contributions store`);
    }
    const refunds = await readEventsContaining(db, 'contributions', {
      payer: { kind: 'program', programId },
    });
    return programLedgerOf(programId, events, refunds);
  } finally {
    await db.close();
  }
}

const rupiah = (amount: number): string => `Rp${amount.toLocaleString('en-US')}`;

export function renderProgramLedger(ledger: ProgramLedger): string {
  const lines = [
    `Sponsor program ${ledger.programId} — ${ledger.name} (from the contributions event store)`,
    `  budget            ${rupiah(ledger.budget)}`,
    `  enrolled          ${ledger.enrolled} (sponsorships ended by deaths: ${ledger.sponsorshipsEnded})`,
    `  billed            ${rupiah(ledger.billed)}`,
    `  received          ${rupiah(ledger.received)}`,
    `  paid to dues      ${rupiah(ledger.paid)}`,
    `  refunded          ${rupiah(ledger.refunded)}`,
    `  remaining budget  ${rupiah(ledger.remaining)}`,
    '',
    '  month     billed              received            refunded',
    ...ledger.statements.map(
      (month) =>
        `  ${month.month}   ${rupiah(month.billed).padEnd(18)}  ${rupiah(month.received).padEnd(18)}  ${rupiah(month.refunded)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
