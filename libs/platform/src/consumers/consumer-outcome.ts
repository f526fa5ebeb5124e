import type { MessageSource } from './consumed-event';
import type { DeadLetterReasonCode } from './dead-letter';

/** What became of one delivered message; for logs, metrics and tests waiting on a consumer. */
export type ConsumerOutcome =
  | {
      readonly kind: 'applied';
      readonly eventId: string;
      readonly type: string;
      readonly source: MessageSource;
      readonly attempts: number;
    }
  | {
      readonly kind: 'duplicate';
      readonly eventId: string;
      readonly type: string;
      readonly source: MessageSource;
    }
  /** A type this consumer has no handler for: recorded in the inbox as skipped. */
  | {
      readonly kind: 'skipped';
      readonly eventId: string;
      readonly type: string;
      readonly source: MessageSource;
    }
  | {
      readonly kind: 'retrying';
      readonly eventId: string;
      readonly type: string;
      readonly source: MessageSource;
      readonly failedAttempt: number;
      readonly error: string;
    }
  /** The database is unreachable: the message stays uncommitted and comes back later. */
  | {
      readonly kind: 'held';
      readonly eventId: string;
      readonly type: string;
      readonly source: MessageSource;
      readonly error: string;
    }
  | {
      readonly kind: 'dead-lettered';
      /** Absent when the message could not be decoded. */
      readonly eventId?: string;
      readonly type?: string;
      readonly source: MessageSource;
      readonly reasonCode: DeadLetterReasonCode;
      readonly error: string;
      readonly attempts: number;
    };
