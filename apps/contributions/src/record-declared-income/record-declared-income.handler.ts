import type { EnrollmentEventMap } from '@santunan/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { ContributionAccountState } from '@santunan/contributions-domain';
import type { CommandCause, CommandResult, Transaction } from '@santunan/platform';
import { ContributionAccounts } from '../shared/contribution-accounts';

/** A participant's new declared income: later months are billed at the tariff it gives. */
@Injectable()
export class RecordDeclaredIncomeHandler {
  constructor(@Inject(ContributionAccounts) private readonly accounts: ContributionAccounts) {}

  record(
    change: Pick<
      EnrollmentEventMap['DeclaredIncomeChanged'],
      'participantId' | 'declaredIncome' | 'effectiveFrom'
    >,
    cause: CommandCause,
    tx: Transaction,
  ): Promise<CommandResult<ContributionAccountState>> {
    const { participantId, declaredIncome, effectiveFrom } = change;
    return this.accounts.handle(
      participantId,
      { type: 'RecordDeclaredIncome', declaredIncome, effectiveFrom },
      cause,
      tx,
    );
  }
}
