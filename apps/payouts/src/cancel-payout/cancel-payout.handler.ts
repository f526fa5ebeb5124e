import { Inject, Injectable } from '@nestjs/common';
import { ServiceRuntime } from '@santunan/platform';
import type { Cause } from '../shared/cause';
import { PayoutStreams, type PayoutCommandResult } from '../shared/payout-streams.repository';

/**
 * Finance gives up on a payout that is not with the bank: the money stays with (or went back
 * to) the fund. Reconciliation then shows the decision short until a new decision pays it.
 */
@Injectable()
export class CancelPayoutHandler {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(PayoutStreams) private readonly streams: PayoutStreams,
  ) {}

  cancel(
    payoutId: string,
    request: { reason: 'returned-to-fund' | 'cancelled-by-finance'; note: string },
    cause: Cause,
  ): Promise<PayoutCommandResult> {
    return this.streams.decideExisting(
      payoutId,
      () => ({
        type: 'CancelPayout',
        reason: request.reason,
        note: request.note,
        supersededByDecisionId: null,
        cancelledBy: cause.actor.id,
        cancelledOn: this.runtime.clock.today(),
      }),
      cause,
    );
  }
}
