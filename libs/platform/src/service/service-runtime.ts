import type { MixedList } from 'typeorm';
import { ConsumerInbox1764000100000 } from '../consumers/inbox.migration';
import { ensureConsumerTopics } from '../consumers/consumer-topics';
import { databaseUrl, ensureDatabase } from '../database/databases';
import { PlatformDatabase } from '../database/platform-database';
import { EventStore } from '../event-store/event-store';
import { eventStoreMigrations } from '../event-store/event-store.migration';
import type { UpcasterRegistry } from '../event-store/upcaster-registry';
import { enterStartupPhase } from '../health/startup-phase';
import { KafkaMessaging } from '../messaging/kafka-messaging';
import { createLogger, type PlatformLogger } from '../observability/logger';
import { registerPlatformMetrics } from '../metrics/platform-metrics';
import { ServiceMetrics } from '../metrics/service-metrics';
import { publishAllTo } from '../outbox/outbox-message';
import { OutboxRelay } from '../outbox/outbox-relay';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { PostgresSubjectKeyStore } from '../personal-data/postgres-subject-key-store';
import { SubjectKeyErasureListener } from '../personal-data/subject-key-erasure-listener';
import { KEY_DATABASE_MIGRATIONS } from '../personal-data/subject-keys.migration';
import type { Projection } from '../projections/projection';
import { ProjectionRunner } from '../projections/projection-runner';
import { projectionMigrations } from '../projections/projection-checkpoints.migration';
import { systemClock, uuidIds, type Clock, type IdGenerator } from './clock-and-ids';
import {
  EventSourcedRepository,
  type DomainEvent,
  type StreamDefinition,
} from './event-sourced-repository';
import type { ServiceConfig } from './service-config';
import {
  KafkaEventTransport,
  type EventConsumerDefinition,
} from '../transport/kafka-event-transport';
import type { EventPayloadSchemas } from '../transport/event-payload-schemas';
import type { RejectionAnswers } from '../http/domain-rejections';

type Migration = new () => unknown;

export interface ServiceRuntimeOptions {
  readonly config: ServiceConfig;
  /** The topic this service publishes its events to (`<context>.events`). */
  readonly topic: string;
  /** The service's own migrations, applied after the platform's. */
  readonly migrations?: readonly Migration[];
  /**
   * The service's read models. A projection that needs the runtime (its cipher, its store) is
   * given as a function of it, made once the runtime exists.
   */
  readonly projections?: readonly (Projection | ((runtime: ServiceRuntime) => Projection))[];
  /**
   * The service's consumer groups; their handlers are the app's `@EventPattern` methods, run
   * by the KafkaEventTransport (`connectEventTransport`).
   */
  readonly consumers?: readonly EventConsumerDefinition[];
  /** How the HTTP edge answers the service's rejection codes (ServicePlatformModule). */
  readonly rejections?: RejectionAnswers;
  /** The published payload schemas every consumed event is checked against. */
  readonly eventSchemas?: EventPayloadSchemas;
  readonly upcasters?: UpcasterRegistry;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  /** Off for tools (audit, benchmarks) that read and write without running the workers. */
  readonly runWorkers?: boolean;
  /** The service's logger (ServicePlatformModule's); else one made from `config.logging`. */
  readonly logger?: PlatformLogger;
  /** Where the runtime's metrics go; ServicePlatformModule gives the one `/metrics` shows. */
  readonly metrics?: ServiceMetrics;
  /**
   * The service's business metrics, read from its read models at scrape time (ADR 0029):
   * registered on `runtime.metrics` once the runtime exists.
   */
  readonly businessMetrics?: (metrics: ServiceMetrics, runtime: ServiceRuntime) => void;
}

/** Migrations every service database carries: events + outbox, projection checkpoints, inbox. */
export const SERVICE_DATABASE_MIGRATIONS: readonly Migration[] = [
  ...eventStoreMigrations,
  ...projectionMigrations,
  ConsumerInbox1764000100000,
];

function serverOf(url: string): string {
  return databaseUrl(url, 'postgres');
}

function databaseNameOf(url: string): string {
  return new URL(url).pathname.replace(/^\//, '');
}

/**
 * Everything a service process runs beside its HTTP API, framework-free so tests and tools
 * can start it too: its database (created and migrated), the shared key database, the event
 * store, the outbox relay, projections and consumers.
 */
export class ServiceRuntime {
  private relay: OutboxRelay | undefined;
  private projectionRunner: ProjectionRunner | undefined;
  private erasureListener: SubjectKeyErasureListener | undefined;

  private constructor(
    readonly options: ServiceRuntimeOptions,
    readonly database: PlatformDatabase,
    readonly keyDatabase: PlatformDatabase,
    readonly cipher: PersonalDataCipher,
    readonly messaging: KafkaMessaging,
    readonly store: EventStore,
    readonly clock: Clock,
    readonly ids: IdGenerator,
    readonly metrics: ServiceMetrics,
  ) {
    this.logger =
      options.logger ?? createLogger(options.config.serviceName, options.config.logging);
    this.projections = (options.projections ?? []).map((projection) =>
      typeof projection === 'function' ? projection(this) : projection,
    );
  }

  /** Every line the service's workers, consumers and write side log (ADR 0028). */
  readonly logger: PlatformLogger;

  /** The read models this runtime keeps (see ServiceRuntimeOptions.projections). */
  readonly projections: readonly Projection[];

  /** The one projection of a class, for the readers and tests that catch it up. */
  projection<P extends Projection>(type: abstract new (...args: never[]) => P): P {
    const found = this.projections.find(
      (projection): projection is P => projection instanceof type,
    );
    if (!found) throw new Error(`${this.options.config.serviceName} keeps no ${type.name}`);
    return found;
  }

  static async start(options: ServiceRuntimeOptions): Promise<ServiceRuntime> {
    const { config } = options;
    for (const url of [config.databaseUrl, config.keyDatabaseUrl]) {
      await ensureDatabase(serverOf(url), databaseNameOf(url));
    }
    const database = new PlatformDatabase({
      url: config.databaseUrl,
      migrations: [
        ...SERVICE_DATABASE_MIGRATIONS,
        ...(options.migrations ?? []),
      ] as MixedList<Migration>,
      applicationName: config.serviceName,
    });
    const keyDatabase = new PlatformDatabase({
      url: config.keyDatabaseUrl,
      migrations: [...KEY_DATABASE_MIGRATIONS],
      applicationName: `${config.serviceName}-keys`,
      poolSize: 4,
    });
    await database.open();
    await keyDatabase.open();
    enterStartupPhase('migrating');
    await database.migrate();
    await keyDatabase.migrate();
    enterStartupPhase('starting workers');

    const cipher = new PersonalDataCipher(new PostgresSubjectKeyStore(keyDatabase));
    const messaging = new KafkaMessaging({
      brokers: config.kafkaBrokers,
      clientId: config.serviceName,
      sasl: config.kafkaSasl,
    });
    const metrics = options.metrics ?? new ServiceMetrics(options.logger);
    const store = new EventStore({
      topicFor: publishAllTo(options.topic),
      upcasters: options.upcasters,
      observer: metrics,
    });
    const runtime = new ServiceRuntime(
      options,
      database,
      keyDatabase,
      cipher,
      messaging,
      store,
      options.clock ?? systemClock,
      options.ids ?? uuidIds,
      metrics,
    );
    if (options.runWorkers !== false) await runtime.startWorkers();
    return runtime;
  }

  private async startWorkers(): Promise<void> {
    const { config, topic } = this.options;
    const consumedTopics = (this.options.consumers ?? []).flatMap((consumer) => consumer.topics);
    await ensureConsumerTopics(this.messaging, [...new Set([topic, ...consumedTopics])]);
    this.erasureListener = await SubjectKeyErasureListener.start(
      config.keyDatabaseUrl,
      this.cipher,
    );

    this.relay = new OutboxRelay({
      databaseUrl: config.databaseUrl,
      relayName: config.serviceName,
      createPublisher: () => this.messaging.createPublisher(),
      signingKey: config.eventSigning.signingKey,
      observer: this.metrics,
      logger: this.logger,
    });
    this.relay.start();
    registerPlatformMetrics(this.metrics, {
      database: this.database,
      messaging: this.messaging,
      projections: this.projections,
      consumerGroups: this.consumerDefinitions().map((consumer) => ({
        groupId: consumer.groupId ?? consumer.name,
        topics: consumer.topics,
      })),
      relayIsLeader: () => this.relayIsLeader,
    });
    this.options.businessMetrics?.(this.metrics, this);

    if (this.projections.length > 0) {
      this.projectionRunner = new ProjectionRunner({
        database: this.database,
        store: this.store,
        projections: this.projections,
        logger: this.logger,
      });
      this.projectionRunner.start();
    }
  }

  /**
   * The service's consumers as a Nest microservice transport; `undefined` when the workers do
   * not run (tools) or the service consumes nothing. Consumer names are prefixed with the
   * service's, as the inbox and the consumer groups have always been named.
   */
  eventTransport(): KafkaEventTransport | undefined {
    const consumers = this.consumerDefinitions();
    if (this.options.runWorkers === false || consumers.length === 0) return undefined;
    return new KafkaEventTransport({
      consumers,
      onOutcome: (outcome, consumer) => this.metrics.consumed(consumer, outcome),
      messaging: this.messaging,
      database: this.database,
      schemas: this.options.eventSchemas,
      keyring: this.options.config.eventSigning.keyring,
      upcasters: this.options.upcasters,
      logger: this.logger,
    });
  }

  /** The service's consumer groups, named as the inbox and the broker know them. */
  private consumerDefinitions(): EventConsumerDefinition[] {
    return (this.options.consumers ?? []).map((consumer) => ({
      ...consumer,
      name: `${this.options.config.serviceName}.${consumer.name}`,
    }));
  }

  repository<Event extends DomainEvent>(
    definition: StreamDefinition<Event>,
  ): EventSourcedRepository<Event> {
    return new EventSourcedRepository(
      this.database,
      this.store,
      this.cipher,
      definition,
      this.clock,
      this.ids,
      this.logger,
    );
  }

  /** Catches a projection up now (tests and read-your-writes endpoints). */
  async catchUp(projection: Projection): Promise<void> {
    const runner =
      this.projectionRunner ??
      new ProjectionRunner({
        database: this.database,
        store: this.store,
        projections: [projection],
      });
    await runner.catchUp(projection);
  }

  get relayIsLeader(): boolean {
    return this.relay?.isLeader ?? false;
  }

  /** Whether the outbox relay can publish (OutboxRelay.canPublish); undefined: none runs here. */
  get relayCanPublish(): boolean | undefined {
    return this.relay?.canPublish;
  }

  async waitUntilPublished(timeoutMs?: number): Promise<void> {
    await this.relay?.waitUntilDrained(timeoutMs);
  }

  async stop(): Promise<void> {
    await this.projectionRunner?.stop();
    await this.relay?.stop();
    await this.erasureListener?.stop();
    await this.messaging.close();
    await this.database.close();
    await this.keyDatabase.close();
  }
}
