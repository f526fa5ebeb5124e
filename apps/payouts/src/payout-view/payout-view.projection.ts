import type { PayoutsEventMap, PayoutsEventType } from '@santunan/contracts';
import type { EventEnvelope, Projection, Transaction } from '@santunan/platform';

/** Stored form: personal fields are sealed objects; the types name the plain members used. */
type Stored<Type extends PayoutsEventType> = PayoutsEventMap[Type];

const HANDLED: ReadonlySet<string> = new Set<PayoutsEventType>([
  'PayoutScheduled',
  'PayoutBatched',
  'PayoutInstructed',
  'PayoutSettled',
  'PayoutFailed',
  'PayoutReturned',
  'PayoutReissueRequested',
  'PayoutReissued',
  'PayoutCancelled',
  'PayoutBatchPrepared',
  'PayoutBatchInstructed',
  'PayoutBatchBankReferenceRecorded',
]);

const json = (value: unknown): string => JSON.stringify(value);

/**
 * `payout_view` (one row per payout, its current state) and `payout_batches`. Names and
 * accounts are copied sealed, as the events hold them, and opened by the reader; each update
 * applies only a newer stream version, so applying an event twice changes nothing and a
 * rebuild equals the live model.
 */
export class PayoutViewProjection implements Projection {
  readonly name = 'payout-view';

  handles(type: string): boolean {
    return HANDLED.has(type);
  }

  async reset(tx: Transaction): Promise<void> {
    await tx.query('delete from payout_view');
    await tx.query('delete from payout_batches');
  }

  async apply(tx: Transaction, event: EventEnvelope): Promise<void> {
    const type = event.type as PayoutsEventType;
    const at = [event.version, event.recordedAt] as const;
    switch (type) {
      case 'PayoutScheduled': {
        const data = event.data as Stored<'PayoutScheduled'>;
        await tx.query(
          `insert into payout_view (payout_id, kind, program, benefit_type, decision_id, claim_id, participant_id,
              beneficiary_id, beneficiary_kind, beneficiary_name, bank_account, amount, components, status, attempt,
              due_date, scheduled_on, compensates_payout_id, compensation, regency_code, version, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'scheduled', 1, $14, $15, $16, $17, $18, $19, $20)
           on conflict (payout_id) do nothing`,
          [
            data.payoutId,
            data.kind,
            data.program,
            data.benefitType,
            data.decision.decisionId,
            data.decision.claimId,
            data.participantId,
            data.beneficiary.beneficiaryId,
            data.beneficiary.kind,
            json(data.beneficiary.fullName),
            json(data.bankAccount),
            data.amount,
            json(data.components),
            data.dueDate,
            data.scheduledOn,
            data.compensation?.compensatesPayoutId ?? null,
            data.compensation === null ? null : json(data.compensation),
            data.regencyCode,
            ...at,
          ],
        );
        return;
      }
      case 'PayoutBatched': {
        const data = event.data as Stored<'PayoutBatched'>;
        await this.update(tx, data.payoutId, at, {
          status: 'batched',
          batch_id: data.batchId,
          attempt: data.attempt,
          bank_account: json(data.bankAccount),
          instructed_on: null,
          bank_reference: null,
        });
        return;
      }
      case 'PayoutInstructed': {
        const data = event.data as Stored<'PayoutInstructed'>;
        await this.update(tx, data.payoutId, at, {
          status: 'instructed',
          batch_id: data.batchId,
          attempt: data.attempt,
          bank_account: json(data.bankAccount),
          instructed_on: data.instructedOn,
          bank_reference: null,
        });
        return;
      }
      case 'PayoutSettled': {
        const data = event.data as Stored<'PayoutSettled'>;
        await this.update(tx, data.payoutId, at, {
          status: 'settled',
          bank_reference: data.bankReference,
          settled_on: data.settledOn,
          failure: null,
        });
        return;
      }
      case 'PayoutFailed':
      case 'PayoutReturned': {
        const data = event.data as Stored<'PayoutFailed'> | Stored<'PayoutReturned'>;
        const on = 'failedOn' in data ? data.failedOn : data.returnedOn;
        await this.update(tx, data.payoutId, at, {
          status: type === 'PayoutFailed' ? 'failed' : 'returned',
          bank_reference: data.bankReference,
          failure: json({
            reasonCode: data.reasonCode,
            reason: data.reason,
            on,
            attempt: data.attempt,
          }),
        });
        return;
      }
      case 'PayoutReissueRequested': {
        const data = event.data as Stored<'PayoutReissueRequested'>;
        const { payoutId, ...request } = data;
        await this.update(tx, payoutId, at, { pending_reissue: json(request) });
        return;
      }
      case 'PayoutReissued': {
        const data = event.data as Stored<'PayoutReissued'>;
        await this.update(tx, data.payoutId, at, {
          status: 'scheduled',
          attempt: data.attempt,
          bank_account: json(data.bankAccount),
          pending_reissue: null,
          batch_id: null,
          bank_reference: null,
        });
        return;
      }
      case 'PayoutCancelled': {
        const data = event.data as Stored<'PayoutCancelled'>;
        await this.update(tx, data.payoutId, at, { status: 'cancelled', pending_reissue: null });
        return;
      }
      case 'PayoutBatchPrepared': {
        const data = event.data as Stored<'PayoutBatchPrepared'>;
        await tx.query(
          `insert into payout_batches (batch_id, status, payouts, count, total, file_name, prepared_by, prepared_on)
           values ($1, 'prepared', $2, $3, $4, $5, $6, $7) on conflict (batch_id) do nothing`,
          [
            data.batchId,
            json(data.payouts),
            data.count,
            data.total,
            data.fileName,
            data.preparedBy,
            data.preparedOn,
          ],
        );
        return;
      }
      case 'PayoutBatchInstructed': {
        // Alone (a batch from before ADR 0035) it also says what the batch holds.
        const data = event.data as Stored<'PayoutBatchInstructed'>;
        await tx.query(
          `insert into payout_batches (batch_id, status, payouts, count, total, file_name, prepared_on,
              instructed_by, instructed_on)
           values ($1, 'instructed', $2, $3, $4, $5, $7, $6, $7)
           on conflict (batch_id) do update set status = 'instructed',
              instructed_by = excluded.instructed_by, instructed_on = excluded.instructed_on`,
          [
            data.batchId,
            json(data.payouts),
            data.count,
            data.total,
            data.fileName,
            data.instructedBy,
            data.instructedOn,
          ],
        );
        return;
      }
      case 'PayoutBatchBankReferenceRecorded': {
        const data = event.data as Stored<'PayoutBatchBankReferenceRecorded'>;
        await tx.query('update payout_batches set bank_reference = $2 where batch_id = $1', [
          data.batchId,
          data.bankReference,
        ]);
        return;
      }
      case 'PayoutPlanCreated':
      case 'PayoutPlanSuperseded':
        return;
      default: {
        const _exhaustive: never = type;
        return _exhaustive;
      }
    }
  }

  private async update(
    tx: Transaction,
    payoutId: string,
    [version, recordedAt]: readonly [number, string],
    columns: Readonly<Record<string, string | number | null>>,
  ): Promise<void> {
    const names = Object.keys(columns);
    const assignments = names.map((name, index) => `${name} = $${index + 4}`).join(', ');
    await tx.query(
      `update payout_view set ${assignments}, version = $2, updated_at = $3
        where payout_id = $1 and version < $2`,
      [payoutId, version, recordedAt, ...names.map((name) => columns[name])],
    );
  }
}
