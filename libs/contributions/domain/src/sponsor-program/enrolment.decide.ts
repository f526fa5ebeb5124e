import {
  accept,
  addMonths,
  isIsoMonth,
  monthOf,
  monthsBetween,
  rejectWith,
} from '@santunan/domain-kernel';
import { sponsorBudgetCost } from '@santunan/rules';
import { ruleRejection, type ProgramDecision } from './program-decision';
import type {
  EndSponsorship,
  EnrolParticipant,
  SponsorProgramContext,
} from './sponsor-program.commands';
import type { SponsorProgram } from './sponsor-program.state';

export function enrol(
  program: SponsorProgram,
  command: EnrolParticipant,
  context: SponsorProgramContext,
): ProgramDecision {
  const existing = program.enrolments.get(command.participantId);
  if (existing) {
    // The same enrolment again (a redelivered registration) is a retry, not a second seat.
    return !existing.ended && existing.fromMonth === command.fromMonth
      ? accept()
      : rejectWith(
          'PARTICIPANT_ALREADY_ENROLLED',
          `participant ${command.participantId} is already enrolled (number ${existing.enrolmentNumber}, from ${existing.fromMonth})`,
          { enrolmentNumber: existing.enrolmentNumber, fromMonth: existing.fromMonth },
        );
  }
  if (program.status === 'closed')
    return rejectWith('PROGRAM_CLOSED', `program ${program.programId} takes no more enrolments`);
  if (!command.participantId.trim()) return rejectWith('PROGRAM_INVALID', 'participant id missing');
  if (
    !isIsoMonth(command.fromMonth) ||
    command.fromMonth < program.firstMonth ||
    command.fromMonth > program.lastMonth
  ) {
    return rejectWith(
      'ENROLMENT_OUTSIDE_COVERAGE',
      `the sponsorship must start within ${program.firstMonth}..${program.lastMonth}`,
    );
  }
  // No sponsorship of months already gone: coverage bought after the fact could cover an
  // incident that has already happened.
  if (command.fromMonth < monthOf(context.today)) {
    return rejectWith(
      'ENROLMENT_START_IN_THE_PAST',
      `a sponsorship cannot start before the current month ${monthOf(context.today)}`,
    );
  }
  const months = monthsBetween(command.fromMonth, program.lastMonth) + 1;
  const commitment = sponsorBudgetCost({
    tariffPerWorkerPerMonth: program.contribution.total,
    months,
    workers: 1,
  });
  if (!commitment.ok) return ruleRejection('TARIFF_UNAVAILABLE', commitment.error);
  const remainingBudget = program.budget - program.committed;
  if (program.activeEnrolments >= program.quota) {
    return rejectWith(
      'PROGRAM_QUOTA_EXHAUSTED',
      `program ${program.programId} has reached its quota of ${program.quota} workers`,
      { quota: program.quota, enrolled: program.activeEnrolments },
    );
  }
  if (commitment.value > remainingBudget) {
    return rejectWith(
      'PROGRAM_QUOTA_EXHAUSTED',
      `${months} months for this worker cost ${commitment.value}, more than the ${remainingBudget} left uncommitted`,
      {
        quota: program.quota,
        enrolled: program.activeEnrolments,
        remainingBudget,
        commitment: commitment.value,
      },
    );
  }
  return accept({
    type: 'ParticipantSponsored',
    data: {
      programId: program.programId,
      participantId: command.participantId,
      enrolmentNumber: program.lastEnrolmentNumber + 1,
      fromMonth: command.fromMonth,
      toMonth: program.lastMonth,
      months,
      payerType: program.payerType,
      contribution: program.contribution,
      commitment: commitment.value,
    },
  });
}

export function endSponsorship(program: SponsorProgram, command: EndSponsorship): ProgramDecision {
  const enrolment = program.enrolments.get(command.participantId);
  if (!enrolment) {
    return rejectWith(
      'PARTICIPANT_NOT_ENROLLED',
      `participant ${command.participantId} is not enrolled in program ${program.programId}`,
    );
  }
  if (!isIsoMonth(command.lastMonth))
    return rejectWith('MONTH_INVALID', 'lastMonth must be YYYY-MM');
  // A death before the sponsorship began leaves it with no months at all.
  const lastMonth =
    command.lastMonth < enrolment.fromMonth
      ? addMonths(enrolment.fromMonth, -1)
      : command.lastMonth;
  if (enrolment.ended) {
    return enrolment.toMonth === lastMonth
      ? accept()
      : rejectWith(
          'SPONSORSHIP_ALREADY_ENDED',
          `the sponsorship already ended after ${enrolment.toMonth}`,
        );
  }
  // Dying in or after the last sponsored month changes nothing the program pays for.
  if (lastMonth >= enrolment.toMonth) return accept();
  const released = sponsorBudgetCost({
    tariffPerWorkerPerMonth: program.contribution.total,
    months: monthsBetween(lastMonth, enrolment.toMonth),
    workers: 1,
  });
  if (!released.ok) return ruleRejection('TARIFF_UNAVAILABLE', released.error);
  return accept({
    type: 'ParticipantSponsorshipEnded',
    data: {
      programId: program.programId,
      participantId: enrolment.participantId,
      lastMonth,
      releasedCommitment: released.value,
      reason: command.reason,
    },
  });
}
