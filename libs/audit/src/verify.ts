import { verifyEventStore, type SqlExecutor, type TamperKind } from '@santunan/platform';
import { jsonDifferences } from './json-diff';
import { silent, type Progress } from './progress';
import { inSnapshot, withConnection } from './sql';
import { pendingPublication, readEventsById } from './store-reader';
import {
  decodeMessage,
  matchTopic,
  type StoredEventSummary,
  type TopicMatch,
} from './topic-matcher';
import { readTopics, type TopicMessage } from './topic-reader';
import type { AuditTargets, AuditedService, ServiceTarget } from './targets';

export interface StoreProblem {
  readonly service: AuditedService;
  readonly kind: TamperKind;
  readonly streamId: string;
  readonly version: number;
  readonly detail: string;
}

export interface StoreVerification {
  readonly service: AuditedService;
  readonly eventsVerified: number;
  readonly streamsVerified: number;
  readonly problems: readonly StoreProblem[];
}

export interface PlatformVerification {
  readonly stores: readonly StoreVerification[];
  /** Empty when Kafka was not checked. */
  readonly topics: readonly TopicMatch[];
  /** Notes that are not failures (topics truncated by retention, …). */
  readonly notes: readonly string[];
  readonly ok: boolean;
}

/** Where a verification has got to, for a screen that shows it (the text `progress` is for people). */
export type VerifyStep =
  | { readonly kind: 'store-started'; readonly service: AuditedService }
  | {
      readonly kind: 'store-verified';
      readonly service: AuditedService;
      readonly eventsVerified: number;
      readonly streamsVerified: number;
      readonly problems: number;
    }
  | { readonly kind: 'topics-read'; readonly read: number; readonly total: number };

export interface VerifyPlatformOptions {
  /** Also match each service's topic against its store (default true). */
  readonly checkTopics?: boolean;
  readonly progress?: Progress;
  readonly onStep?: (step: VerifyStep) => void;
}

interface StoreSnapshot {
  readonly verification: StoreVerification;
  readonly index: Map<string, StoredEventSummary>;
  readonly awaiting: Set<string>;
}

/**
 * Checks every stream's hash chain in every service's store (one consistent snapshot each),
 * then that every message on each service's topic is a stored event with the same id, type,
 * stream, version and hash. A row altered in PostgreSQL is named by service, stream and
 * version, and compared with its published copy to show what changed.
 */
export async function verifyPlatform(
  targets: AuditTargets,
  options: VerifyPlatformOptions = {},
): Promise<PlatformVerification> {
  const progress = options.progress ?? silent;
  const step = options.onStep ?? (() => undefined);
  const snapshots = new Map<AuditedService, StoreSnapshot>();
  for (const target of targets.services) {
    progress(`${target.service}: verifying the hash chains`);
    step({ kind: 'store-started', service: target.service });
    const snapshot = await inSnapshot(target.databaseUrl, (db) =>
      snapshotStore(target.service, db),
    );
    progress(
      `${target.service}: ${snapshot.verification.eventsVerified} events in ${snapshot.verification.streamsVerified} streams verified`,
    );
    step({
      kind: 'store-verified',
      service: target.service,
      eventsVerified: snapshot.verification.eventsVerified,
      streamsVerified: snapshot.verification.streamsVerified,
      problems: snapshot.verification.problems.length,
    });
    snapshots.set(target.service, snapshot);
  }
  if (options.checkTopics === false) {
    const stores = [...snapshots.values()].map((snapshot) => snapshot.verification);
    return {
      stores,
      topics: [],
      notes: [],
      ok: stores.every((store) => store.problems.length === 0),
    };
  }

  // Read after the snapshots: anything a snapshot holds and the outbox had published is below
  // the high watermarks taken now.
  progress(`reading topics ${targets.services.map((target) => target.topic).join(', ')}`);
  const read = await readTopics({
    brokers: targets.kafkaBrokers,
    sasl: targets.kafkaSasl,
    topics: targets.services.map((target) => target.topic),
    onProgress: (count, total) => {
      progress(`topics: ${count} of ${total} messages read`);
      step({ kind: 'topics-read', read: count, total });
    },
  });
  const notes: string[] = [];
  if (targets.keyring === undefined) {
    notes.push('signatures not checked: no public keyring (EVENT_PUBLIC_KEYS)');
  }
  const topics: TopicMatch[] = [];
  for (const target of targets.services) {
    const snapshot = snapshots.get(target.service);
    if (snapshot === undefined) continue;
    const messages = read.messages.filter((message) => message.topic === target.topic);
    if (read.missingTopics.includes(target.topic)) {
      notes.push(`topic ${target.topic} does not exist`);
    }
    await rememberLateEvents(target, messages, snapshot);
    let match = matchTopic(
      target.service,
      target.topic,
      messages,
      snapshot.index,
      snapshot.awaiting,
      targets.keyring,
    );
    if (read.truncatedTopics.includes(target.topic)) {
      notes.push(
        `topic ${target.topic} no longer holds its oldest messages: unpublished events cannot be checked`,
      );
      match = {
        ...match,
        problems: match.problems.filter((problem) => problem.kind !== 'unpublished'),
      };
    }
    topics.push(match);
  }
  const stores = await Promise.all(
    targets.services.map(async (target) => {
      const snapshot = snapshots.get(target.service);
      if (snapshot === undefined) throw new Error(`no snapshot of ${target.service}`);
      return explainAlterations(target, snapshot.verification, read.messages);
    }),
  );
  const ok =
    stores.every((store) => store.problems.length === 0) &&
    topics.every((topic) => topic.problems.length === 0) &&
    read.missingTopics.length === 0;
  return { stores, topics, notes, ok };
}

async function snapshotStore(service: AuditedService, db: SqlExecutor): Promise<StoreSnapshot> {
  const report = await verifyEventStore(db);
  const rows = await db.query<{
    event_id: string;
    stream_id: string;
    version: number;
    type: string;
    hash: string;
  }>('select event_id, stream_id, version, type, hash from events');
  const index = new Map<string, StoredEventSummary>();
  for (const row of rows) {
    index.set(row.event_id, {
      eventId: row.event_id,
      streamId: row.stream_id,
      version: row.version,
      type: row.type,
      hash: row.hash,
    });
  }
  return {
    verification: {
      service,
      eventsVerified: report.eventsVerified,
      streamsVerified: report.streamsVerified,
      problems: report.problems.map((problem) => ({ service, ...problem })),
    },
    index,
    awaiting: await pendingPublication(db),
  };
}

/** Events appended after the snapshot may already be on the topic: look them up once more. */
async function rememberLateEvents(
  target: ServiceTarget,
  messages: readonly TopicMessage[],
  snapshot: StoreSnapshot,
): Promise<void> {
  const unknown = new Set<string>();
  for (const message of messages) {
    const decoded = decodeMessage(message);
    if (
      typeof decoded !== 'string' &&
      !snapshot.index.has(decoded.envelope.eventId) &&
      isUuid(decoded.envelope.eventId)
    ) {
      unknown.add(decoded.envelope.eventId);
    }
  }
  if (unknown.size === 0) return;
  const late = await withConnection(target.databaseUrl, (db) =>
    readEventsById(db, target.service, [...unknown]),
  );
  for (const event of late) {
    snapshot.index.set(event.eventId, {
      eventId: event.eventId,
      streamId: event.streamId,
      version: event.version,
      type: event.type,
      hash: event.hash,
    });
  }
}

/** For an altered row with a published copy: which fields differ between the two. */
async function explainAlterations(
  target: ServiceTarget,
  verification: StoreVerification,
  messages: readonly TopicMessage[],
): Promise<StoreVerification> {
  const altered = verification.problems.filter((problem) => problem.kind === 'altered');
  if (altered.length === 0) return verification;
  const published = new Map<string, Record<string, unknown>>();
  for (const message of messages) {
    if (message.topic !== target.topic) continue;
    const decoded = decodeMessage(message);
    if (typeof decoded === 'string') continue;
    published.set(
      `${decoded.envelope.streamId}@${decoded.envelope.version}`,
      comparable(decoded.envelope),
    );
  }
  const rows = await withConnection(target.databaseUrl, (db) =>
    db.query<{ event_id: string; stream_id: string; version: number }>(
      `select event_id, stream_id, version from events where (stream_id, version) in (${altered
        .map((_, index) => `($${index * 2 + 1}, $${index * 2 + 2}::int)`)
        .join(', ')})`,
      altered.flatMap((problem) => [problem.streamId, problem.version]),
    ),
  );
  const stored = await withConnection(target.databaseUrl, (db) =>
    readEventsById(
      db,
      target.service,
      rows.map((row) => row.event_id),
    ),
  );
  const byLocation = new Map(stored.map((event) => [`${event.streamId}@${event.version}`, event]));
  return {
    ...verification,
    problems: verification.problems.map((problem) => {
      if (problem.kind !== 'altered') return problem;
      const key = `${problem.streamId}@${problem.version}`;
      const row = byLocation.get(key);
      const copy = published.get(key);
      if (row === undefined || copy === undefined) return problem;
      const differences = jsonDifferences(copy, comparable(row));
      if (differences.length === 0) return problem;
      return {
        ...problem,
        detail: `${problem.detail}; differs from its published copy at ${differences.join(', ')} (published → stored)`,
      };
    }),
  };
}

interface Comparable {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly previousHash: string | null;
  readonly hash: string;
}

function comparable(event: Comparable): Record<string, unknown> {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    previousHash: event.previousHash,
    hash: event.hash,
  };
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
