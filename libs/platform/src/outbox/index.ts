export { advisoryLockKey } from './advisory-lock-key';
export { LEADER_SESSION_OPTIONS } from './leader-session';
export {
  OUTBOX_CHANNEL,
  Outbox1764000000100,
  OutboxEnqueuedAt1764500000000,
  OutboxNotify1765100000000,
} from './outbox.migration';
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
  type RelayObserver,
} from './outbox-relay';
export { DEFAULT_BACKOFF, type BackoffPolicy } from './retry-timing';
