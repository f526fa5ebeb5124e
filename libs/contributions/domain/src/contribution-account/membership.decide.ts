import { CONTRIBUTION_SECTORS, type ContributionAccountEvent } from '@santunan/contracts';
import { accept, isIsoMonth, monthOf, rejectWith } from '@santunan/domain-kernel';
import { isContributionMonth } from '../shared/months';
import { isPositiveRupiah, isRupiah } from '../shared/rupiah';
import type { AccountDecision } from './account-decision';
import type {
  ContributionAccountContext,
  OpenContributionAccount,
  RecordDeclaredIncome,
  StartSelfPayingMembership,
  StartSponsorship,
} from './contribution-account.commands';
import type { ContributionAccount, ContributionAccountState } from './contribution-account.state';
import { runningSelfPayingMembership } from './membership';

export function openAccount(
  state: ContributionAccountState,
  command: OpenContributionAccount,
): AccountDecision {
  if (state.status !== 'not-opened') {
    const [income] = state.incomeHistory;
    // The same registration redelivered is a retry.
    const same =
      state.participantId === command.participantId &&
      state.sector === command.sector &&
      income?.declaredIncome === command.declaredIncome &&
      income.effectiveFrom === command.incomeEffectiveFrom;
    return same
      ? accept()
      : rejectWith(
          'ACCOUNT_ALREADY_OPENED',
          `account ${state.participantId} is open with other data`,
        );
  }
  if (!command.participantId.trim()) return rejectWith('ACCOUNT_INVALID', 'participant id missing');
  if (!CONTRIBUTION_SECTORS.includes(command.sector))
    return rejectWith('ACCOUNT_INVALID', `sector ${String(command.sector)} is unknown`);
  if (!isPositiveRupiah(command.declaredIncome))
    return rejectWith('ACCOUNT_INVALID', 'declared income must be a whole number of rupiah');
  if (!isIsoMonth(command.incomeEffectiveFrom))
    return rejectWith('INCOME_EFFECTIVE_MONTH_INVALID', 'income effective month must be YYYY-MM');
  const { participantId, sector, declaredIncome, incomeEffectiveFrom } = command;
  const events: ContributionAccountEvent[] = [
    {
      type: 'ContributionAccountOpened',
      data: { participantId, sector, declaredIncome, incomeEffectiveFrom },
    },
  ];
  // A sponsored membership waits for the program to commit budget (StartSponsorship).
  if (command.membership.kind === 'self-paying') {
    events.push({
      type: 'SelfPayingMembershipStarted',
      data: { participantId, fromMonth: incomeEffectiveFrom },
    });
  }
  return accept(...events);
}

export function recordIncome(
  account: ContributionAccount,
  command: RecordDeclaredIncome,
): AccountDecision {
  const known = account.incomeHistory.find(
    (period) => period.effectiveFrom === command.effectiveFrom,
  );
  if (known?.declaredIncome === command.declaredIncome) return accept();
  if (account.status === 'closed')
    return rejectWith('PARTICIPANT_DECEASED', 'no income changes after the participant died');
  if (!isRupiah(command.declaredIncome) || command.declaredIncome === 0)
    return rejectWith('ACCOUNT_INVALID', 'declared income must be a whole number of rupiah');
  const latest = account.incomeHistory[account.incomeHistory.length - 1];
  if (
    !isIsoMonth(command.effectiveFrom) ||
    (latest && command.effectiveFrom <= latest.effectiveFrom)
  ) {
    return rejectWith(
      'INCOME_EFFECTIVE_MONTH_INVALID',
      `the new income must take effect after ${latest?.effectiveFrom ?? '?'} (YYYY-MM)`,
    );
  }
  if (latest?.declaredIncome === command.declaredIncome) return accept();
  return accept({
    type: 'DeclaredIncomeRecorded',
    data: {
      participantId: account.participantId,
      declaredIncome: command.declaredIncome,
      effectiveFrom: command.effectiveFrom,
    },
  });
}

export function startSponsorship(
  account: ContributionAccount,
  command: StartSponsorship,
): AccountDecision {
  const overlapping = account.memberships.filter(
    (period) =>
      period.kind === 'sponsored' &&
      period.fromMonth <= command.toMonth &&
      command.fromMonth <= period.toMonth,
  );
  const same = overlapping.find(
    (period) =>
      period.kind === 'sponsored' &&
      period.programId === command.programId &&
      period.fromMonth === command.fromMonth &&
      period.toMonth === command.toMonth,
  );
  if (same) return accept();
  if (account.status === 'closed')
    return rejectWith('PARTICIPANT_DECEASED', 'no sponsorship starts after the participant died');
  const { jkk, jkm, total } = command.contribution;
  if (
    !command.programId.trim() ||
    !isContributionMonth(command.fromMonth) ||
    !isContributionMonth(command.toMonth) ||
    command.toMonth < command.fromMonth ||
    ![jkk, jkm, total].every(isRupiah) ||
    jkk + jkm !== total ||
    total === 0
  ) {
    return rejectWith(
      'SPONSORSHIP_INVALID',
      'a sponsorship needs a program, months in order and a tariff',
    );
  }
  if (overlapping.length > 0) {
    return rejectWith('SPONSORSHIP_CONFLICT', 'another sponsorship covers some of these months', {
      programIds: overlapping.map((period) =>
        period.kind === 'sponsored' ? period.programId : '',
      ),
    });
  }
  // Months the participant already paid are not sold again to the sponsor.
  const selfPaid = [...account.paid.values()]
    .filter((paid) => paid.payer.kind === 'self' && paid.month >= command.fromMonth)
    .map((paid) => paid.month)
    .sort();
  if (selfPaid.length > 0) {
    return rejectWith(
      'MONTHS_ALREADY_PAID',
      `the participant already paid ${selfPaid.join(', ')}`,
      {
        months: selfPaid,
      },
    );
  }
  const { programId, payerType, fromMonth, toMonth, contribution } = command;
  return accept({
    type: 'SponsorshipStarted',
    data: {
      participantId: account.participantId,
      programId,
      payerType,
      fromMonth,
      toMonth,
      contribution,
    },
  });
}

export function startSelfPaying(
  account: ContributionAccount,
  command: StartSelfPayingMembership,
  context: ContributionAccountContext,
): AccountDecision {
  const running = runningSelfPayingMembership(account);
  if (running) {
    return running.fromMonth === command.fromMonth
      ? accept()
      : rejectWith('MEMBERSHIP_ALREADY_ACTIVE', `self-paying since ${running.fromMonth}`);
  }
  if (account.status === 'closed')
    return rejectWith('PARTICIPANT_DECEASED', 'no membership starts after the participant died');
  if (!isIsoMonth(command.fromMonth))
    return rejectWith('MONTH_INVALID', 'fromMonth must be YYYY-MM');
  if (command.fromMonth < monthOf(context.today)) {
    return rejectWith(
      'MEMBERSHIP_START_IN_THE_PAST',
      `a membership cannot start before the current month ${monthOf(context.today)}`,
    );
  }
  const later = account.memberships.find(
    (period) => period.toMonth === null || period.toMonth >= command.fromMonth,
  );
  if (later) {
    return rejectWith(
      'MEMBERSHIP_ALREADY_ACTIVE',
      `a ${later.kind} membership runs to ${later.toMonth ?? 'open end'}`,
    );
  }
  return accept({
    type: 'SelfPayingMembershipStarted',
    data: { participantId: account.participantId, fromMonth: command.fromMonth },
  });
}
