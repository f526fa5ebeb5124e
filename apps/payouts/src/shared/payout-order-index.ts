import type { PayoutScheduled } from '@santunan/contracts';
import type { SqlExecutor } from '@santunan/platform';

/**
 * The write side's table of payout orders (`payout_orders`), written in the transaction that
 * appends `PayoutScheduled`: its unique indexes are the database's guarantee of one benefit
 * order per (decision, beneficiary) and one compensation per payout. It also tells a command
 * on an existing payout whose key seals its personal data.
 */
export class PayoutOrderIndex {
  async record(tx: SqlExecutor, order: PayoutScheduled): Promise<void> {
    await tx.query(
      `insert into payout_orders
         (payout_id, kind, decision_id, beneficiary_id, compensates_payout_id, participant_id)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        order.payoutId,
        order.kind,
        order.decision.decisionId,
        order.beneficiary.beneficiaryId,
        order.compensation?.compensatesPayoutId ?? null,
        order.participantId,
      ],
    );
  }

  async participantOf(executor: SqlExecutor, payoutId: string): Promise<string | undefined> {
    const [row] = await executor.query<{ participant_id: string }>(
      'select participant_id from payout_orders where payout_id = $1',
      [payoutId],
    );
    return row?.participant_id;
  }
}

/** Bank references (`bank_references`): each names one bank transaction of one payout. */
export class BankReferences {
  async ownerOf(executor: SqlExecutor, bankReference: string): Promise<string | undefined> {
    const [row] = await executor.query<{ payout_id: string }>(
      'select payout_id from bank_references where bank_reference = $1',
      [bankReference],
    );
    return row?.payout_id;
  }

  async record(
    tx: SqlExecutor,
    bankReference: string,
    payoutId: string,
    outcome: string,
  ): Promise<void> {
    await tx.query(
      'insert into bank_references (bank_reference, payout_id, outcome) values ($1, $2, $3)',
      [bankReference, payoutId, outcome],
    );
  }
}
