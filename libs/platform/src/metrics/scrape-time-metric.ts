import { Counter, Gauge, type Registry } from 'prom-client';
import { describeError } from '../outbox/worker-logger';
import { withTimeout } from '../outbox/retry-timing';

/** One value of a metric read at scrape time, with its labels. */
export interface ScrapeSample {
  readonly labels?: Readonly<Record<string, string | number>>;
  readonly value: number;
}

export interface ScrapeTimeMetricDefinition {
  /** The full name, `santunan_…` (ADR 0029). */
  readonly name: string;
  readonly help: string;
  readonly labelNames?: readonly string[];
  /**
   * `gauge`: a level (rows waiting, lag). `counter`: a total that only grows, read from where
   * it is kept (events in a store); its name ends in `_total`.
   */
  readonly type: 'gauge' | 'counter';
  /** Reads the samples; the scrape shows exactly these, so a label set that vanished goes away. */
  readonly read: () => Promise<readonly ScrapeSample[]>;
}

/** What a scrape-time read may cost before the metric is left out of the scrape. */
export const SCRAPE_READ_TIMEOUT_MS = 5_000;

/**
 * Registers a metric whose value is read when Prometheus scrapes (a count in a table, the
 * broker's offsets), not kept in memory. A read that fails or takes longer than
 * SCRAPE_READ_TIMEOUT_MS leaves the metric out of that scrape (absent, never a made-up 0: an
 * alert on it must not clear because the read failed) and counts a failure: the other
 * metrics — the outbox depth while the broker is down — still answer. A read still running
 * from an earlier scrape is waited for again instead of started twice.
 */
export function registerScrapeTimeMetric(
  registry: Registry,
  definition: ScrapeTimeMetricDefinition,
  failures: Counter<'metric'>,
  warn: (message: string) => void,
): void {
  let inFlight: Promise<readonly ScrapeSample[]> | undefined;
  const read = async (): Promise<readonly ScrapeSample[] | undefined> => {
    inFlight ??= definition.read().finally(() => (inFlight = undefined));
    try {
      return await withTimeout(inFlight, SCRAPE_READ_TIMEOUT_MS, `reading ${definition.name}`);
    } catch (error) {
      failures.inc({ metric: definition.name });
      warn(`metric ${definition.name} left out of this scrape: ${describeError(error)}`);
      return undefined;
    }
  };
  const labelNames = [...(definition.labelNames ?? [])];
  if (definition.type === 'gauge') {
    const gauge: Gauge<string> = new Gauge({
      name: definition.name,
      help: definition.help,
      labelNames,
      registers: [registry],
      collect: async () => {
        const samples = (await read()) ?? [];
        gauge.reset();
        for (const sample of samples) gauge.set(sample.labels ?? {}, sample.value);
        // Without labels prom-client would show a made-up 0.
        if (samples.length === 0 && labelNames.length === 0) gauge.remove();
      },
    });
    return;
  }
  const counter: Counter<string> = new Counter({
    name: definition.name,
    help: definition.help,
    labelNames,
    registers: [registry],
    collect: async () => {
      const samples = (await read()) ?? [];
      counter.reset();
      for (const sample of samples) counter.inc(sample.labels ?? {}, sample.value);
      if (samples.length === 0 && labelNames.length === 0) counter.remove();
    },
  });
}
