import type { ServiceRuntime } from '@santunan/platform';
import type { Cause } from '../payouts/cause';
import type { PayoutStreams } from '../payouts/payout-streams.repository';
import { inTransaction } from '../payouts/transactions';
import type { PayoutCommandOutcome } from '../reissue-payout/reissue-payout.use-case';

/**
 * Finance gives up on a payout that is not with the bank: the money stays with (or went back
 * to) the fund. Reconciliation then shows the decision short until a new decision pays it.
 */
export class CancelPayout {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly streams: PayoutStreams,
  ) {}

  cancel(
    payoutId: string,
    request: { reason: 'returned-to-fund' | 'cancelled-by-finance'; note: string },
    cause: Cause,
  ): Promise<PayoutCommandOutcome> {
    return inTransaction(this.runtime.database, async (tx) => {
      const participantId = await this.streams.index.participantOf(tx, payoutId);
      if (participantId === undefined) return { kind: 'not-found' };
      const result = await this.streams.decideOrder(
        tx,
        payoutId,
        participantId,
        {
          type: 'CancelPayout',
          reason: request.reason,
          note: request.note,
          supersededByDecisionId: null,
          cancelledBy: cause.actor.id,
          cancelledOn: this.runtime.clock.today(),
        },
        cause,
      );
      return { kind: 'decided', result };
    });
  }
}
