import { sponsorshipsEndedByDeath } from '@santunan/contributions-domain';
import { Inject, Injectable } from '@nestjs/common';
import { accepted, type CommandCause, type Transaction } from '@santunan/platform';
import { ContributionAccounts } from '../shared/contribution-accounts';
import { SponsorPrograms } from '../shared/sponsor-programs';

export type DeathOutcome = 'recorded' | 'no-account';

/**
 * A death reported by enrollment (ParticipantDeceased) or claims (DeathRecorded), whichever
 * comes first: the account closes (billing stops after the death month, later months paid
 * become RefundDue to whoever paid them), then every program sponsoring months after the
 * death month releases them. Both steps are idempotent, so the second report changes nothing.
 */
@Injectable()
export class RecordDeathHandler {
  constructor(
    @Inject(ContributionAccounts) private readonly accounts: ContributionAccounts,
    @Inject(SponsorPrograms) private readonly programs: SponsorPrograms,
  ) {}

  async record(
    participantId: string,
    dateOfDeath: string,
    cause: CommandCause,
    tx: Transaction,
  ): Promise<DeathOutcome> {
    const closed = await this.accounts.handle(
      participantId,
      { type: 'RecordDeath', dateOfDeath },
      cause,
      tx,
    );
    // A participant contributions never heard of: nothing to bill or refund.
    if (!closed.ok && closed.rejection.code === 'ACCOUNT_NOT_OPENED') return 'no-account';
    const { state } = accepted(closed, `death of ${participantId}`);
    for (const ending of sponsorshipsEndedByDeath(state)) {
      accepted(
        await this.programs.handle(ending.programId, ending.command, cause, tx),
        `end of the sponsorship of ${participantId} in ${ending.programId}`,
      );
    }
    return 'recorded';
  }
}
