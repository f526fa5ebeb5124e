import type { CommandResult } from '@santunan/platform';
import { rejectionProblem } from './rejection.problem';

type Accepted<State> = Extract<CommandResult<State>, { ok: true }>;

/** The accepted result, or the decider's rejection as problem details. */
export function accepted<State>(result: CommandResult<State>): Accepted<State> {
  if (!result.ok) throw rejectionProblem(result.rejection);
  return result;
}
