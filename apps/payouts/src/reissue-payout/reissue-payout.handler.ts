import { Inject, Injectable } from '@nestjs/common';
import type { BankAccount } from '@santunan/contracts';
import { ServiceRuntime } from '@santunan/platform';
import type { Cause } from '../shared/cause';
import { PayoutStreams, type PayoutCommandResult } from '../shared/payout-streams.repository';

/**
 * Reissue to a corrected account, maker–checker: one finance officer asks, another approves;
 * the approval puts the payout back among the scheduled ones for the next batch.
 */
@Injectable()
export class ReissuePayoutHandler {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(PayoutStreams) private readonly streams: PayoutStreams,
  ) {}

  /** The maker's request; without the client's requestId, a new one. */
  async request(
    payoutId: string,
    request: { requestId?: string; bankAccount: BankAccount; reason: string },
    cause: Cause,
  ): Promise<{ readonly requestId: string; readonly result: PayoutCommandResult }> {
    const requestId = request.requestId ?? this.runtime.ids.next();
    const command = {
      type: 'RequestPayoutReissue',
      requestId,
      bankAccount: request.bankAccount,
      reason: request.reason,
      requestedBy: cause.actor.id,
      requestedOn: this.runtime.clock.today(),
    } as const;
    return { requestId, result: await this.streams.decideExisting(payoutId, () => command, cause) };
  }

  approve(payoutId: string, requestId: string, cause: Cause): Promise<PayoutCommandResult> {
    const command = {
      type: 'ApprovePayoutReissue',
      requestId,
      approvedBy: cause.actor.id,
      approvedOn: this.runtime.clock.today(),
    } as const;
    return this.streams.decideExisting(payoutId, () => command, cause);
  }
}
