import { accept, rejectWith } from '@santunan/domain-kernel';
import { endSponsorship, enrol } from './enrolment.decide';
import type { ProgramDecision } from './program-decision';
import { openProgram } from './program-opening.decide';
import type {
  CloseSponsorProgram,
  SponsorProgramCommand,
  SponsorProgramContext,
} from './sponsor-program.commands';
import { receivePayment } from './sponsor-payment.decide';
import type { SponsorProgram, SponsorProgramState } from './sponsor-program.state';
import { issueStatement } from './statement.decide';

function close(
  program: SponsorProgram,
  command: CloseSponsorProgram,
  context: SponsorProgramContext,
): ProgramDecision {
  if (program.status === 'closed') return accept();
  return accept({
    type: 'SponsorProgramClosed',
    data: { programId: program.programId, closedOn: context.today, reason: command.reason },
  });
}

export function decideSponsorProgram(
  command: SponsorProgramCommand,
  state: SponsorProgramState,
  context: SponsorProgramContext,
): ProgramDecision {
  if (command.type === 'OpenSponsorProgram') return openProgram(state, command, context);
  if (state.status === 'not-opened') {
    return rejectWith('PROGRAM_NOT_FOUND', 'no sponsor program with this id');
  }
  switch (command.type) {
    case 'EnrolParticipant':
      return enrol(state, command, context);
    case 'EndSponsorship':
      return endSponsorship(state, command);
    case 'IssueSponsorStatement':
      return issueStatement(state, command, context);
    case 'ReceiveSponsorPayment':
      return receivePayment(state, command, context);
    case 'CloseSponsorProgram':
      return close(state, command, context);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
