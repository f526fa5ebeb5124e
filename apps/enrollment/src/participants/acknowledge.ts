import type { ParticipantState } from '@santunan/enrollment-domain';
import type { CommandResult } from '@santunan/platform';
import type { ParticipantChangeResponse } from './common.dto';
import { rejectionProblem } from './rejection.problem';

/** A command's result as the HTTP answer, or its rejection as problem details. */
export function acknowledge(
  participantId: string,
  result: CommandResult<ParticipantState>,
): ParticipantChangeResponse {
  if (!result.ok) throw rejectionProblem(result.rejection);
  return { participantId, version: result.version, changed: result.events.length > 0 };
}
