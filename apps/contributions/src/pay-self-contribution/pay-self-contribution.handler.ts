import { Inject, Injectable } from '@nestjs/common';
import type {
  ContributionAccountCommand,
  ContributionAccountState,
} from '@santunan/contributions-domain';
import type { CommandCause, CommandResult } from '@santunan/platform';
import { ContributionAccounts } from '../shared/contribution-accounts';
import { contributionAccountStreamId } from '../shared/contribution-streams';
import { PaymentReferences } from '../shared/payment-references';

export type SelfPayment = Omit<
  Extract<ContributionAccountCommand, { type: 'PaySelfContribution' }>,
  'type'
>;

/**
 * A self-paying participant pays months. The payment reference is the service's: refused
 * before deciding when another account or program holds it, and claimed in the payment's
 * transaction (a concurrent claim that got there first rolls the payment back).
 */
@Injectable()
export class PaySelfContributionHandler {
  constructor(
    @Inject(ContributionAccounts) private readonly accounts: ContributionAccounts,
    @Inject(PaymentReferences) private readonly references: PaymentReferences,
  ) {}

  async pay(
    participantId: string,
    payment: SelfPayment,
    cause: CommandCause,
  ): Promise<CommandResult<ContributionAccountState>> {
    const streamId = contributionAccountStreamId(participantId);
    await this.references.assertAvailable(payment.paymentReference, streamId);
    return this.accounts.handle(
      participantId,
      { type: 'PaySelfContribution', ...payment },
      {
        ...cause,
        occurredAt: payment.paidAt,
        alongside: (tx) => this.references.claim(tx, payment.paymentReference, streamId),
      },
    );
  }
}
