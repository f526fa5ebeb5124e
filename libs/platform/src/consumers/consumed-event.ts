import type { EventEnvelope } from '../event-store/envelope';

/** Where a message came from on the broker. */
export interface MessageSource {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** An event as a handler sees it: the envelope with its payload validated into the DTO. */
export interface ConsumedEvent<Data> extends EventEnvelope<string, Data> {
  readonly source: MessageSource;
}
