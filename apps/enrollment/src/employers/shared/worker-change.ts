import type { ReportTimeliness, WorkerEvent } from '@santunan/contracts/employers';
import type { WorkerState } from '@santunan/employers-domain';
import type { CommandResult, EventEnvelope } from '@santunan/platform';
import type { WorkerChangeResponse } from './wage.dto';

/** The timeliness the recorded event carries (every worker event has one). */
function reportOf(events: readonly EventEnvelope[]): ReportTimeliness | null {
  const event = events[0];
  return event === undefined ? null : (event.data as WorkerEvent['data']).report;
}

export function workerChange(
  participantId: string,
  result: Extract<CommandResult<WorkerState>, { ok: true }>,
): WorkerChangeResponse {
  return {
    participantId,
    version: result.version,
    changed: result.events.length > 0,
    report: reportOf(result.events),
  };
}
