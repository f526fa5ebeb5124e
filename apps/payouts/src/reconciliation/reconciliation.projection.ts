import type { PayoutsEventMap, PayoutsEventType } from '@santunan/contracts';
import type { Movement } from '@santunan/payouts-domain';
import type { EventEnvelope, Projection, Transaction } from '@santunan/platform';

type Data<Type extends PayoutsEventType> = PayoutsEventMap[Type];

const HANDLED: ReadonlySet<string> = new Set<PayoutsEventType>([
  'PayoutPlanCreated',
  'PayoutPlanSuperseded',
  'PayoutScheduled',
  'PayoutBatched',
  'PayoutInstructed',
  'PayoutSettled',
  'PayoutFailed',
  'PayoutReturned',
  'PayoutReissued',
  'PayoutCancelled',
]);

/**
 * The reconciliation read model: every decision with its decided amount and supersession
 * (`reconciliation_decisions`), every payout with its status (`reconciliation_payouts`) and
 * every movement on its business date (`reconciliation_movements`, keyed by event id so a
 * re-applied event counts once). Nothing personal is kept.
 */
export class ReconciliationProjection implements Projection {
  readonly name = 'reconciliation';

  handles(type: string): boolean {
    return HANDLED.has(type);
  }

  async reset(tx: Transaction): Promise<void> {
    await tx.query('delete from reconciliation_movements');
    await tx.query('delete from reconciliation_payouts');
    await tx.query('delete from reconciliation_decisions');
  }

  async apply(tx: Transaction, event: EventEnvelope): Promise<void> {
    const type = event.type as PayoutsEventType;
    switch (type) {
      case 'PayoutPlanCreated': {
        const data = event.data as Data<'PayoutPlanCreated'>;
        await tx.query(
          `insert into reconciliation_decisions (decision_id, source, claim_id, participant_id, program,
              decided_amount, supersedes_decision_id, superseded_by_decision_id, excess, planned_on)
           values ($1, $2, $3, $4, $5, $6, $7, null, $8, $9)
           on conflict (decision_id) do nothing`,
          [
            data.decision.decisionId,
            data.decision.source,
            data.decision.claimId,
            data.participantId,
            data.program,
            data.decidedAmount,
            data.supersedesDecisionId,
            JSON.stringify(data.excess),
            data.plannedOn,
          ],
        );
        return;
      }
      case 'PayoutPlanSuperseded': {
        const data = event.data as Data<'PayoutPlanSuperseded'>;
        await tx.query(
          'update reconciliation_decisions set superseded_by_decision_id = $2 where decision_id = $1',
          [data.decisionId, data.supersededByDecisionId],
        );
        return;
      }
      case 'PayoutScheduled': {
        const data = event.data as Data<'PayoutScheduled'>;
        await tx.query(
          `insert into reconciliation_payouts (payout_id, decision_id, kind, program, participant_id, regency_code,
              amount, status, version)
           values ($1, $2, $3, $4, $5, $6, $7, 'scheduled', $8) on conflict (payout_id) do nothing`,
          [
            data.payoutId,
            data.decision.decisionId,
            data.kind,
            data.program,
            data.participantId,
            data.regencyCode,
            data.amount,
            event.version,
          ],
        );
        await this.move(tx, event, data.payoutId, 'scheduled', data.scheduledOn, data.amount);
        return;
      }
      // Locked in a prepared batch: still open, no money moved, so no movement of the day.
      case 'PayoutBatched': {
        const data = event.data as Data<'PayoutBatched'>;
        await this.status(tx, event, data.payoutId, 'batched');
        return;
      }
      case 'PayoutInstructed': {
        const data = event.data as Data<'PayoutInstructed'>;
        await this.status(tx, event, data.payoutId, 'instructed');
        await this.move(tx, event, data.payoutId, 'instructed', data.instructedOn, data.amount);
        return;
      }
      case 'PayoutSettled': {
        const data = event.data as Data<'PayoutSettled'>;
        await this.status(tx, event, data.payoutId, 'settled');
        await this.move(tx, event, data.payoutId, 'settled', data.settledOn, data.amount);
        return;
      }
      case 'PayoutFailed': {
        const data = event.data as Data<'PayoutFailed'>;
        await this.status(tx, event, data.payoutId, 'failed');
        await this.move(tx, event, data.payoutId, 'failed', data.failedOn, null);
        return;
      }
      case 'PayoutReturned': {
        const data = event.data as Data<'PayoutReturned'>;
        await this.status(tx, event, data.payoutId, 'returned');
        await this.move(tx, event, data.payoutId, 'returned', data.returnedOn, data.amount);
        return;
      }
      case 'PayoutReissued': {
        const data = event.data as Data<'PayoutReissued'>;
        await this.status(tx, event, data.payoutId, 'scheduled');
        return;
      }
      case 'PayoutCancelled': {
        const data = event.data as Data<'PayoutCancelled'>;
        await this.status(tx, event, data.payoutId, 'cancelled');
        await this.move(tx, event, data.payoutId, 'cancelled', data.cancelledOn, null);
        return;
      }
      case 'PayoutReissueRequested':
      case 'PayoutBatchPrepared':
      case 'PayoutBatchInstructed':
      case 'PayoutBatchBankReferenceRecorded':
        return;
      default: {
        const _exhaustive: never = type;
        return _exhaustive;
      }
    }
  }

  private async status(
    tx: Transaction,
    event: EventEnvelope,
    payoutId: string,
    status: string,
  ): Promise<void> {
    await tx.query(
      'update reconciliation_payouts set status = $2, version = $3 where payout_id = $1 and version < $3',
      [payoutId, status, event.version],
    );
  }

  /** `amount` null: the payout's own amount (failures and cancellations do not restate it). */
  private async move(
    tx: Transaction,
    event: EventEnvelope,
    payoutId: string,
    movement: Movement,
    businessDate: string,
    amount: number | null,
  ): Promise<void> {
    await tx.query(
      `insert into reconciliation_movements (event_id, payout_id, movement, business_date, amount)
       select $1, $2, $3, $4, coalesce($5::bigint, amount) from reconciliation_payouts where payout_id = $2
       on conflict (event_id) do nothing`,
      [event.eventId, payoutId, movement, businessDate, amount],
    );
  }
}
