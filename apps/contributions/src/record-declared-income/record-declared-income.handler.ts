import type { EnrollmentEventMap } from '@santunan/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { accepted, type CommandCause, type Transaction } from '@santunan/platform';
import { ContributionAccounts } from '../shared/contribution-accounts';

/** A participant's new declared income: later months are billed at the tariff it gives. */
@Injectable()
export class RecordDeclaredIncomeHandler {
  constructor(@Inject(ContributionAccounts) private readonly accounts: ContributionAccounts) {}

  async record(
    change: Pick<
      EnrollmentEventMap['DeclaredIncomeChanged'],
      'participantId' | 'declaredIncome' | 'effectiveFrom'
    >,
    cause: CommandCause,
    tx: Transaction,
  ): Promise<void> {
    const { participantId, declaredIncome, effectiveFrom } = change;
    accepted(
      await this.accounts.handle(
        participantId,
        { type: 'RecordDeclaredIncome', declaredIncome, effectiveFrom },
        cause,
        tx,
      ),
      `income of ${participantId}`,
    );
  }
}
