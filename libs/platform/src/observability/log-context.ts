import { AsyncLocalStorage } from 'node:async_hooks';

/** The event a consumer is applying, as its log lines name it. */
export interface ConsumedEventFields {
  readonly id: string;
  readonly type: string;
  readonly stream: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/**
 * What every line logged while a unit of work runs says about it, whoever logs: the consumer
 * and the event it applies, the correlation id and the actor that caused it.
 */
export interface LogContext {
  readonly correlationId?: string;
  readonly actorId?: string;
  readonly consumer?: string;
  readonly consumed?: ConsumedEventFields;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `fields` added to every log line written meanwhile (nested: merged). */
export function withLogContext<T>(fields: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, work);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
