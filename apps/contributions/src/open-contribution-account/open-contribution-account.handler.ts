import type { EnrollmentEventMap } from '@santunan/contracts';
import { monthOf } from '@santunan/domain-kernel';
import { sectorOfOccupation } from '@santunan/contributions-domain';
import { Inject, Injectable } from '@nestjs/common';
import { accepted, type CommandCause, type Transaction } from '@santunan/platform';
import { EnrolParticipantHandler } from '../enrol-participant/enrol-participant.handler';
import { AccountRegistry } from '../shared/account-registry';
import { ContributionAccounts } from '../shared/contribution-accounts';
import { ContributionsContext } from '../shared/contributions-context';

/** What a registration says that contributions reads: none of it personal data. */
export type Registration = Pick<
  EnrollmentEventMap['ParticipantRegistered'],
  'participantId' | 'occupation' | 'declaredIncome' | 'incomeEffectiveFrom' | 'membership'
>;

/**
 * A registration opens the contribution account. A self-paying membership starts with it (and
 * the current month is billed); a sponsored one enrols the participant into the program,
 * which commits budget — the account's sponsorship follows from the program's event (the
 * sponsorship process). Everything commits in the caller's transaction (the consumer's, with
 * its inbox row); a refusal (unknown program, quota exhausted, coverage over) is raised as a
 * DomainRejectedError, so it all rolls back.
 */
@Injectable()
export class OpenContributionAccountHandler {
  constructor(
    @Inject(ContributionAccounts) private readonly accounts: ContributionAccounts,
    @Inject(AccountRegistry) private readonly accountRegistry: AccountRegistry,
    @Inject(EnrolParticipantHandler) private readonly enrolment: EnrolParticipantHandler,
    @Inject(ContributionsContext) private readonly context: ContributionsContext,
  ) {}

  async open(registration: Registration, cause: CommandCause, tx: Transaction): Promise<void> {
    const { participantId, occupation, declaredIncome, incomeEffectiveFrom, membership } =
      registration;
    accepted(
      await this.accounts.handle(
        participantId,
        {
          type: 'OpenContributionAccount',
          participantId,
          sector: sectorOfOccupation(occupation),
          declaredIncome,
          incomeEffectiveFrom,
          membership:
            membership.kind === 'sponsored' && membership.programId !== undefined
              ? { kind: 'sponsored', programId: membership.programId }
              : { kind: 'self-paying' },
        },
        { ...cause, alongside: (inTx) => this.accountRegistry.register(inTx, participantId) },
        tx,
      ),
      `account of ${participantId}`,
    );
    if (membership.kind === 'self-paying' || membership.programId === undefined) {
      accepted(
        await this.accounts.handle(
          participantId,
          { type: 'BillContributionMonth', month: monthOf(this.context.today()) },
          cause,
          tx,
        ),
        `first bill of ${participantId}`,
      );
      return;
    }
    accepted(
      await this.enrolment.enrol(
        { programId: membership.programId, participantId, metadata: cause },
        tx,
      ),
      `enrolment of ${participantId} in ${membership.programId}`,
    );
  }
}
