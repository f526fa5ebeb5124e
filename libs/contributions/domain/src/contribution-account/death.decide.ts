import type { ContributionAccountEvent, ContributionPaid } from '@santunan/contracts';
import { accept, isIsoDate, monthOf, rejectWith } from '@santunan/domain-kernel';
import type { AccountDecision } from './account-decision';
import type { ContributionAccountContext, RecordDeath } from './contribution-account.commands';
import type { ContributionAccount } from './contribution-account.state';

const payerKey = (paid: ContributionPaid): string =>
  paid.payer.kind === 'self' ? 'self' : `program:${paid.payer.programId}`;

/**
 * Billing stops after the death month; dues billed for later months are cancelled and months
 * paid after it are refunded to whoever paid them, one RefundDue per payer.
 */
export function recordDeath(
  account: ContributionAccount,
  command: RecordDeath,
  context: ContributionAccountContext,
): AccountDecision {
  if (!isIsoDate(command.dateOfDeath) || command.dateOfDeath > context.today) {
    return rejectWith('DEATH_DATE_INVALID', `date of death ${command.dateOfDeath} is not possible`);
  }
  if (account.status === 'closed') {
    return account.death.dateOfDeath === command.dateOfDeath
      ? accept()
      : rejectWith(
          'PARTICIPANT_DECEASED',
          `death already recorded on ${account.death.dateOfDeath}`,
        );
  }
  const deathMonth = monthOf(command.dateOfDeath);
  const cancelledDueMonths = [...account.bills.keys()]
    .filter((month) => month > deathMonth && !account.paid.has(month))
    .sort();
  const paidAfter = [...account.paid.values()]
    .filter((paid) => paid.month > deathMonth)
    .sort((a, b) => a.month.localeCompare(b.month));
  const byPayer = new Map<string, ContributionPaid[]>();
  for (const paid of paidAfter)
    byPayer.set(payerKey(paid), [...(byPayer.get(payerKey(paid)) ?? []), paid]);
  const refunds: ContributionAccountEvent[] = [...byPayer.values()].map((months) => ({
    type: 'RefundDue',
    data: {
      participantId: account.participantId,
      payer: months[0]?.payer ?? { kind: 'self' },
      months: months.map((paid) => paid.month),
      amount: months.reduce((sum, paid) => sum + paid.amount, 0),
      lines: months.map(({ month, paymentReference, amount }) => ({
        month,
        paymentReference,
        amount,
      })),
      reason: 'months-after-death',
    },
  }));
  return accept(
    {
      type: 'ContributionAccountClosed',
      data: {
        participantId: account.participantId,
        reason: 'participant-deceased',
        dateOfDeath: command.dateOfDeath,
        lastContributionMonth: deathMonth,
        cancelledDueMonths,
      },
    },
    ...refunds,
  );
}
