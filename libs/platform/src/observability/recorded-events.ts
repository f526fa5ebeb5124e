import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventEnvelope } from '../event-store/envelope';

/** An event as log lines name it. */
export interface EventFields {
  readonly id: string;
  readonly type: string;
  readonly stream: string;
  readonly version: number;
}

export function eventFields(event: EventEnvelope): EventFields {
  return { id: event.eventId, type: event.type, stream: event.streamId, version: event.version };
}

const collectors = new AsyncLocalStorage<EventFields[]>();

/**
 * Runs `work` noting the events recorded in a transaction someone else commits (a consumer's:
 * EventSourcedRepository.handleWithin), so the line that reports the commit can name them.
 */
export async function collectingRecordedEvents<T>(
  work: () => Promise<T>,
): Promise<{ readonly result: T; readonly recorded: readonly EventFields[] }> {
  const recorded: EventFields[] = [];
  const result = await collectors.run(recorded, work);
  return { result, recorded };
}

/** Notes events for the collector around this call, if there is one. */
export function noteRecordedEvents(events: readonly EventEnvelope[]): void {
  collectors.getStore()?.push(...events.map(eventFields));
}
