import { ProblemException, type SqlExecutor } from '@santunan/platform';

/**
 * One payment reference, one payment, across the whole service: the deciders make a
 * reference idempotent within a participant's account or a program, and this unique index
 * (`payment_references`) refuses the same bank reference for another account or program.
 */
export class PaymentReferences {
  constructor(private readonly database: SqlExecutor) {}

  /** Refuses, before deciding, a reference another stream already holds. */
  async assertAvailable(reference: string, streamId: string): Promise<void> {
    const [row] = await this.database.query<{ stream_id: string }>(
      'select stream_id from payment_references where payment_reference = $1',
      [reference],
    );
    if (row !== undefined && row.stream_id !== streamId) throw referenceTaken(reference);
  }

  /**
   * Records the reference with the payment's events (same transaction). A concurrent payment
   * of another stream that got there first makes this throw, and the payment rolls back.
   */
  async claim(tx: SqlExecutor, reference: string, streamId: string): Promise<void> {
    const inserted = await tx.query(
      `insert into payment_references (payment_reference, stream_id) values ($1, $2)
       on conflict (payment_reference) do nothing returning 1`,
      [reference, streamId],
    );
    if (inserted.length > 0) return;
    const [row] = await tx.query<{ stream_id: string }>(
      'select stream_id from payment_references where payment_reference = $1',
      [reference],
    );
    if (row?.stream_id !== streamId) throw referenceTaken(reference);
  }
}

function referenceTaken(reference: string): ProblemException {
  return new ProblemException(
    409,
    'PAYMENT_REFERENCE_CONFLICT',
    'Payment reference already used',
    `payment reference ${reference} already belongs to another payment`,
  );
}
