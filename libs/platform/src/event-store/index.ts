export { canonicalJson, toStoredJson, NotJsonError, type JsonValue } from './canonical-json';
export { eventHash, type HashedEventFields } from './event-hash';
export {
  EVENT_COLUMNS,
  EVENT_INSERT_COLUMNS,
  eventInsertValues,
  hashedFieldsOf,
  positionOf,
  type EventRow,
} from './event-row';
export {
  ConcurrencyError,
  DuplicateEventError,
  InvalidAppendError,
  type ConcurrencyConflict,
  type ExpectedVersion,
} from './event-store.errors';
export { EventStore1764000000000, eventStoreMigrations } from './event-store.migration';
export type { AppendRequest } from './append-request';
export {
  START_OF_STORE,
  comparePositions,
  type PositionedEvent,
  type StorePosition,
} from './store-position';
export { UpcasterRegistry, publishedEventUpcasters } from './upcaster-registry';
export { postgresErrorFields, UNIQUE_VIOLATION, type PostgresErrorFields } from './postgres-error';
export {
  EventStore,
  type AppendObserver,
  type EventStoreOptions,
  type ReadAllOptions,
  type ReadStreamOptions,
} from './event-store';
export type { TamperKind, VerificationProblem } from './verify-stream';
export {
  verifyEventStore,
  verifyEventStreams,
  type StreamVerification,
  type VerificationReport,
  type VerifyOptions,
} from './verify-event-store';
