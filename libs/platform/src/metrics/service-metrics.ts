import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ConsumerOutcome } from '../consumers/consumer-outcome';
import type { AppendObserver } from '../event-store/event-store';
import type { PlatformLogger } from '../observability/logger';
import type { RelayObserver } from '../outbox/outbox-relay';
import { registerScrapeTimeMetric, type ScrapeTimeMetricDefinition } from './scrape-time-metric';

/** HTTP latency buckets: a health check (~1 ms) up to a slow bulk upload (10 s). */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** An append is a few inserts in an open transaction: milliseconds, unless the server is stuck. */
const APPEND_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * One service's metrics, in a registry of its own (not prom-client's global one): a process
 * may run several services — the tests do — and each `/metrics` shows its own. Names follow
 * Prometheus's conventions (ADR 0029): `santunan_` prefix, base units (`_seconds`), `_total`
 * on counters, labels with a small fixed set of values (never an id or a raw URL).
 */
export class ServiceMetrics implements AppendObserver, RelayObserver {
  readonly registry = new Registry();
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly appendDuration: Histogram;
  private readonly eventsAppended: Counter;
  private readonly relayPublished: Counter<'topic'>;
  private readonly relayPublishFailures: Counter;
  private readonly consumerMessages: Counter<'consumer' | 'outcome'>;
  private readonly deadLettered: Counter<'consumer' | 'topic' | 'reason'>;
  private readonly scrapeFailures: Counter<'metric'>;
  /** @param logger the app's logger, for reads a scrape had to leave out. */
  constructor(private readonly logger?: Pick<PlatformLogger, 'warn'>) {
    // The process's own (CPU, memory, event-loop lag, GC): standard names, no prefix.
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.httpRequestDuration = new Histogram({
      name: 'santunan_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status code, and how long they took.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_BUCKETS,
      registers,
    });
    this.appendDuration = new Histogram({
      name: 'santunan_event_store_append_duration_seconds',
      help: 'Time to write one append (events and their outbox rows) in its transaction.',
      buckets: APPEND_BUCKETS,
      registers,
    });
    this.eventsAppended = new Counter({
      name: 'santunan_event_store_appended_events_total',
      help: 'Events appended to the event store.',
      registers,
    });
    this.relayPublished = new Counter({
      name: 'santunan_outbox_relay_published_messages_total',
      help: 'Outbox messages the relay published and Kafka acknowledged, by topic.',
      labelNames: ['topic'],
      registers,
    });
    this.relayPublishFailures = new Counter({
      name: 'santunan_outbox_relay_publish_failures_total',
      help: 'Relay publish attempts that failed (broker unreachable, refused, timed out).',
      registers,
    });
    this.consumerMessages = new Counter({
      name: 'santunan_consumer_messages_total',
      help: 'Messages a consumer finished with, by outcome (applied, duplicate, skipped, retrying, held, dead-lettered).',
      labelNames: ['consumer', 'outcome'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'santunan_consumer_dead_lettered_messages_total',
      help: 'Messages a consumer parked in <topic>.dlq, by source topic and reason code.',
      labelNames: ['consumer', 'topic', 'reason'],
      registers,
    });
    this.scrapeFailures = new Counter({
      name: 'santunan_metrics_scrape_read_failures_total',
      help: 'Scrape-time reads that failed or timed out (that metric was left out of the scrape); counted from the next scrape on.',
      labelNames: ['metric'],
      registers,
    });
  }

  /** A metric read when Prometheus scrapes: a count in a read model, the broker's offsets. */
  scrapeTime(definition: ScrapeTimeMetricDefinition): void {
    registerScrapeTimeMetric(this.registry, definition, this.scrapeFailures, (message) =>
      this.logger?.warn(message),
    );
  }

  appended(events: number, seconds: number): void {
    this.appendDuration.observe(seconds);
    this.eventsAppended.inc(events);
  }

  published(topic: string, messages: number): void {
    this.relayPublished.inc({ topic }, messages);
  }

  publishFailed(): void {
    this.relayPublishFailures.inc();
  }

  /** Counts a consumer's outcome (KafkaEventTransportOptions.onOutcome). */
  consumed(consumer: string, outcome: ConsumerOutcome): void {
    this.consumerMessages.inc({ consumer, outcome: outcome.kind });
    if (outcome.kind === 'dead-lettered') {
      this.deadLettered.inc({ consumer, topic: outcome.source.topic, reason: outcome.reasonCode });
    }
  }

  /** The scrape: Prometheus's text format. */
  async exposition(): Promise<{ readonly contentType: string; readonly body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
