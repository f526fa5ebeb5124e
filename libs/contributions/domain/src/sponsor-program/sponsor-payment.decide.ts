import type { SponsorProgramEvent } from '@santunan/contracts';
import { accept, isIsoDate, rejectWith } from '@santunan/domain-kernel';
import { isPositiveRupiah } from '../shared/rupiah';
import { timesDues } from '../tariff/contribution-tariff';
import { inCoverage, ruleRejection, type ProgramDecision } from './program-decision';
import type { ReceiveSponsorPayment, SponsorProgramContext } from './sponsor-program.commands';
import { allocate, unpaidDuesOfMonth } from './sponsor-program.dues';
import { monthLedger, type SponsorProgram } from './sponsor-program.state';

/**
 * Participants per SponsorPaymentAllocated event: a month of a 50,000-worker program becomes
 * 50 events of about 40 kB, well under Kafka's default 1 MB message limit.
 */
export const ALLOCATION_BATCH_SIZE = 1_000;

function paymentProblem(command: ReceiveSponsorPayment, today: string): string | undefined {
  if (!command.paymentReference.trim()) return 'the payment needs a reference';
  if (!command.paidAt.trim()) return 'the payment needs its instant (paidAt)';
  if (!isIsoDate(command.paidOn)) return `paidOn ${command.paidOn} is not a date`;
  if (command.paidOn > today) return `paidOn ${command.paidOn} is in the future`;
  return undefined;
}

export function receivePayment(
  program: SponsorProgram,
  command: ReceiveSponsorPayment,
  context: SponsorProgramContext,
): ProgramDecision {
  const known = program.payments.get(command.paymentReference);
  if (known) {
    return known.month === command.month && known.amount === command.amount
      ? accept()
      : rejectWith(
          'PAYMENT_REFERENCE_CONFLICT',
          `reference ${command.paymentReference} was already used for ${known.amount} for ${known.month}`,
          { month: known.month, amount: known.amount },
        );
  }
  const problem = paymentProblem(command, context.today);
  if (problem) return rejectWith('PAYMENT_INVALID', problem);
  if (!isPositiveRupiah(command.amount)) {
    return rejectWith(
      'PAYMENT_AMOUNT_INVALID',
      'the amount must be a whole number of rupiah above 0',
    );
  }
  if (!inCoverage(program, command.month)) {
    return rejectWith(
      'MONTH_OUTSIDE_COVERAGE',
      `${command.month} is outside the coverage ${program.firstMonth}..${program.lastMonth}`,
    );
  }
  const unpaid = unpaidDuesOfMonth(program, command.month);
  const owed = timesDues(program.contribution, unpaid.length);
  if (!owed.ok) return ruleRejection('TARIFF_UNAVAILABLE', owed.error);
  const outstanding = owed.value.total - monthLedger(program, command.month).held;
  // An overpayment is refused, not kept: the budget's money stays with the sponsor.
  if (command.amount > outstanding) {
    return rejectWith(
      'PAYMENT_EXCEEDS_OUTSTANDING',
      `${command.month} has ${outstanding} outstanding; ${command.amount} is more`,
      { outstanding },
    );
  }
  const allocation = allocate(program, command.month, unpaid, command.amount);
  const { month, paymentReference, amount, paidAt, paidOn } = command;
  const receipt: SponsorProgramEvent = {
    type: 'SponsorPaymentReceived',
    data: {
      programId: program.programId,
      month,
      paymentReference,
      amount,
      paidAt,
      paidOn,
      allocatedDues: allocation.paid.length,
      allocatedAmount: allocation.allocatedAmount,
      paidThroughEnrolment: allocation.paidThroughEnrolment,
      heldForMonth: allocation.heldForMonth,
      outstandingForMonth: outstanding - amount,
    },
  };
  return accept(
    receipt,
    ...allocationBatches(
      program,
      command,
      allocation.paid.map((due) => due.participantId),
    ),
  );
}

function allocationBatches(
  program: SponsorProgram,
  command: ReceiveSponsorPayment,
  participantIds: readonly string[],
): SponsorProgramEvent[] {
  const batches = Math.ceil(participantIds.length / ALLOCATION_BATCH_SIZE);
  return Array.from({ length: batches }, (_, index) => {
    const ids = participantIds.slice(
      index * ALLOCATION_BATCH_SIZE,
      (index + 1) * ALLOCATION_BATCH_SIZE,
    );
    return {
      type: 'SponsorPaymentAllocated',
      data: {
        programId: program.programId,
        month: command.month,
        paymentReference: command.paymentReference,
        paidAt: command.paidAt,
        paidOn: command.paidOn,
        contribution: program.contribution,
        participantIds: ids,
        amount: program.contribution.total * ids.length,
        batch: index + 1,
        batches,
      },
    };
  });
}
