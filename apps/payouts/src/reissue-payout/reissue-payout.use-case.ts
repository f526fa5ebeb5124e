import type { BankAccount } from '@santunan/contracts';
import type { CommandResult, ServiceRuntime } from '@santunan/platform';
import type { PayoutOrderState } from '@santunan/payouts-domain';
import type { Cause } from '../payouts/cause';
import type { PayoutStreams } from '../payouts/payout-streams.repository';
import { inTransaction } from '../payouts/transactions';

export type PayoutCommandOutcome =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'decided'; readonly result: CommandResult<PayoutOrderState> };

/**
 * Reissue to a corrected account, maker–checker: one finance officer asks, another approves;
 * the approval puts the payout back among the scheduled ones for the next batch.
 */
export class ReissuePayout {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly streams: PayoutStreams,
  ) {}

  request(
    payoutId: string,
    request: { requestId: string; bankAccount: BankAccount; reason: string },
    cause: Cause,
  ): Promise<PayoutCommandOutcome> {
    return this.decide(payoutId, cause, {
      type: 'RequestPayoutReissue',
      ...request,
      requestedBy: cause.actor.id,
      requestedOn: this.runtime.clock.today(),
    });
  }

  approve(payoutId: string, requestId: string, cause: Cause): Promise<PayoutCommandOutcome> {
    return this.decide(payoutId, cause, {
      type: 'ApprovePayoutReissue',
      requestId,
      approvedBy: cause.actor.id,
      approvedOn: this.runtime.clock.today(),
    });
  }

  private decide(
    payoutId: string,
    cause: Cause,
    command: Parameters<PayoutStreams['decideOrder']>[3],
  ): Promise<PayoutCommandOutcome> {
    return inTransaction(this.runtime.database, async (tx) => {
      const participantId = await this.streams.index.participantOf(tx, payoutId);
      if (participantId === undefined) return { kind: 'not-found' };
      return {
        kind: 'decided',
        result: await this.streams.decideOrder(tx, payoutId, participantId, command, cause),
      };
    });
  }
}
