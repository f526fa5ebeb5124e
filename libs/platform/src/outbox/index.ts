export { advisoryLockKey } from './advisory-lock-key';
export { LEADER_SESSION_OPTIONS } from './leader-session';
export { Outbox1764000000100 } from './outbox.migration';
export {
  EVENT_HEADERS,
  outboxMessageFor,
  publishAllTo,
  type OutboxMessage,
  type TopicRouting,
} from './outbox-message';
export { enqueueForPublication } from './outbox-writer';
export {
  OutboxRelay,
  type OutboxRelayOptions,
  type PendingOutboxRow,
  type RelayFaults,
} from './outbox-relay';
export { DEFAULT_BACKOFF, type BackoffPolicy } from './retry-timing';
export { stderrJsonLogger, type WorkerLogger } from './worker-logger';
