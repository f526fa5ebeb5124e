import { Counter, Registry } from 'prom-client';
import { registerScrapeTimeMetric, type ScrapeSample } from './scrape-time-metric';
import { sampleValue } from './testing/exposition';

function setUp() {
  const registry = new Registry();
  const failures = new Counter({
    name: 'santunan_metrics_scrape_read_failures_total',
    help: 'failures',
    labelNames: ['metric'],
    registers: [registry],
  });
  const warnings: string[] = [];
  return { registry, failures, warnings, warn: (line: string) => warnings.push(line) };
}

describe('registerScrapeTimeMetric', () => {
  it('shows exactly what the read returns, so a vanished label set goes away', async () => {
    const { registry, failures, warn } = setUp();
    let samples: ScrapeSample[] = [
      { labels: { status: 'approved' }, value: 3 },
      { labels: { status: 'rejected' }, value: 1 },
    ];
    registerScrapeTimeMetric(
      registry,
      {
        name: 'santunan_claims',
        help: 'claims',
        labelNames: ['status'],
        type: 'gauge',
        read: () => Promise.resolve(samples),
      },
      failures,
      warn,
    );
    let text = await registry.metrics();
    expect(sampleValue(text, 'santunan_claims', { status: 'approved' })).toBe(3);
    expect(sampleValue(text, 'santunan_claims', { status: 'rejected' })).toBe(1);
    samples = [{ labels: { status: 'approved' }, value: 4 }];
    text = await registry.metrics();
    expect(sampleValue(text, 'santunan_claims', { status: 'approved' })).toBe(4);
    expect(sampleValue(text, 'santunan_claims', { status: 'rejected' })).toBeUndefined();
    // An empty read model: no series at all.
    samples = [];
    text = await registry.metrics();
    expect(text).toContain('# TYPE santunan_claims gauge');
    expect(sampleValue(text, 'santunan_claims')).toBeUndefined();
  });

  it('reports a counter read from where the total is kept, as a counter', async () => {
    const { registry, failures, warn } = setUp();
    registerScrapeTimeMetric(
      registry,
      {
        name: 'santunan_payouts_reissued_total',
        help: 'reissues',
        type: 'counter',
        read: () => Promise.resolve([{ value: 7 }]),
      },
      failures,
      warn,
    );
    const text = await registry.metrics();
    expect(text).toContain('# TYPE santunan_payouts_reissued_total counter');
    expect(sampleValue(text, 'santunan_payouts_reissued_total')).toBe(7);
  });

  it('leaves a failing read out of the scrape, counts it, and the scrape still answers', async () => {
    const { registry, failures, warnings, warn } = setUp();
    registerScrapeTimeMetric(
      registry,
      {
        name: 'santunan_consumer_lag_messages',
        help: 'lag',
        type: 'gauge',
        read: () => Promise.reject(new Error('broker unreachable')),
      },
      failures,
      warn,
    );
    registerScrapeTimeMetric(
      registry,
      {
        name: 'santunan_outbox_messages',
        help: 'outbox',
        type: 'gauge',
        read: () => Promise.resolve([{ value: 12 }]),
      },
      failures,
      warn,
    );
    const text = await registry.metrics();
    expect(sampleValue(text, 'santunan_consumer_lag_messages')).toBeUndefined();
    expect(sampleValue(text, 'santunan_outbox_messages')).toBe(12);
    // The metrics are read side by side: the failure shows from the next scrape on.
    const next = await registry.metrics();
    expect(
      sampleValue(next, 'santunan_metrics_scrape_read_failures_total', {
        metric: 'santunan_consumer_lag_messages',
      }),
    ).toBe(1);
    expect(warnings.join('\n')).toContain('broker unreachable');
  });
});
