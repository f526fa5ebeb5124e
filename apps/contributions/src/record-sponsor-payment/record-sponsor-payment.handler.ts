import { Inject, Injectable } from '@nestjs/common';
import type { SponsorProgramCommand, SponsorProgramState } from '@santunan/contributions-domain';
import type { CommandCause, CommandResult } from '@santunan/platform';
import { sponsorProgramStreamId } from '../shared/contribution-streams';
import { PaymentReferences } from '../shared/payment-references';
import { SponsorPrograms } from '../shared/sponsor-programs';

export type SponsorPayment = Omit<
  Extract<SponsorProgramCommand, { type: 'ReceiveSponsorPayment' }>,
  'type'
>;

/**
 * A sponsor's payment for a month of a program, allocated by the program's decider. The
 * payment reference is refused before deciding when another stream holds it, and claimed in
 * the payment's transaction.
 */
@Injectable()
export class RecordSponsorPaymentHandler {
  constructor(
    @Inject(SponsorPrograms) private readonly programs: SponsorPrograms,
    @Inject(PaymentReferences) private readonly references: PaymentReferences,
  ) {}

  async record(
    programId: string,
    payment: SponsorPayment,
    cause: CommandCause,
  ): Promise<CommandResult<SponsorProgramState>> {
    const streamId = sponsorProgramStreamId(programId);
    await this.references.assertAvailable(payment.paymentReference, streamId);
    return this.programs.handle(
      programId,
      { type: 'ReceiveSponsorPayment', ...payment },
      {
        ...cause,
        occurredAt: payment.paidAt,
        alongside: (tx) => this.references.claim(tx, payment.paymentReference, streamId),
      },
    );
  }
}
