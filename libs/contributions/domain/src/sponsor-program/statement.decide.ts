import { accept, addMonths, monthOf, rejectWith } from '@santunan/domain-kernel';
import { dueDateOf, timesDues } from '../tariff/contribution-tariff';
import { inCoverage, ruleRejection, type ProgramDecision } from './program-decision';
import type { IssueSponsorStatement, SponsorProgramContext } from './sponsor-program.commands';
import { duesOfMonth } from './sponsor-program.dues';
import { monthLedger, type SponsorProgram } from './sponsor-program.state';

export function issueStatement(
  program: SponsorProgram,
  command: IssueSponsorStatement,
  context: SponsorProgramContext,
): ProgramDecision {
  if (!inCoverage(program, command.month)) {
    return rejectWith(
      'MONTH_OUTSIDE_COVERAGE',
      `${command.month} is outside the coverage ${program.firstMonth}..${program.lastMonth}`,
    );
  }
  if (monthLedger(program, command.month).statementIssued) return accept();
  // A statement lists the dues known when it is issued: at most a month ahead.
  if (command.month > addMonths(monthOf(context.today), 1)) {
    return rejectWith('STATEMENT_TOO_EARLY', `the ${command.month} statement is not due yet`);
  }
  const due = dueDateOf(command.month, context.calendar);
  if (!due.ok) return ruleRejection('DUE_DATE_UNAVAILABLE', due.error);
  const dues = duesOfMonth(program, command.month).length;
  const totals = timesDues(program.contribution, dues);
  if (!totals.ok) return ruleRejection('TARIFF_UNAVAILABLE', totals.error);
  return accept({
    type: 'SponsorStatementIssued',
    data: {
      programId: program.programId,
      month: command.month,
      nominalDueDate: due.value.nominalDueDate,
      dueDate: due.value.dueDate,
      dues,
      ...totals.value,
    },
  });
}
