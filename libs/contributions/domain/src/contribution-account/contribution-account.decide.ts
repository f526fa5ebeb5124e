import { rejectWith } from '@santunan/domain-kernel';
import type { AccountDecision } from './account-decision';
import { billMonth } from './billing.decide';
import type {
  ContributionAccountCommand,
  ContributionAccountContext,
} from './contribution-account.commands';
import type { ContributionAccountState } from './contribution-account.state';
import { recordDeath } from './death.decide';
import { openAccount, recordIncome, startSelfPaying, startSponsorship } from './membership.decide';
import { closeMonth } from './month-close.decide';
import { paySelf } from './self-payment.decide';
import { recordSponsoredPayment } from './sponsored-payment.decide';

export function decideContributionAccount(
  command: ContributionAccountCommand,
  state: ContributionAccountState,
  context: ContributionAccountContext,
): AccountDecision {
  if (command.type === 'OpenContributionAccount') return openAccount(state, command);
  if (state.status === 'not-opened') {
    return rejectWith('ACCOUNT_NOT_OPENED', 'no contribution account for this participant');
  }
  switch (command.type) {
    case 'RecordDeclaredIncome':
      return recordIncome(state, command);
    case 'StartSponsorship':
      return startSponsorship(state, command);
    case 'StartSelfPayingMembership':
      return startSelfPaying(state, command, context);
    case 'BillContributionMonth':
      return billMonth(state, command, context);
    case 'PaySelfContribution':
      return paySelf(state, command, context);
    case 'RecordSponsoredContribution':
      return recordSponsoredPayment(state, command, context);
    case 'CloseContributionMonth':
      return closeMonth(state, command, context);
    case 'RecordDeath':
      return recordDeath(state, command, context);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
