import type { ParticipantState } from '@santunan/enrollment-domain';
import { accepted, type CommandResult } from '@santunan/platform';
import type { ParticipantChangeResponse } from './common.dto';

/** A command's result as the HTTP answer, or its rejection raised (answered from ENROLLMENT_REJECTIONS). */
export function acknowledge(
  participantId: string,
  result: CommandResult<ParticipantState>,
): ParticipantChangeResponse {
  const { version, events } = accepted(result);
  return { participantId, version, changed: events.length > 0 };
}
