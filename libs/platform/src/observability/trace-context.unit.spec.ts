import { context, ROOT_CONTEXT, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { rehashed } from '@santunan/testing';
import { decodeHashedEnvelope } from '../consumers/envelope-decoder';
import type { EventEnvelope, EventMetadata } from '../event-store/envelope';
import { outboxMessageFor } from '../outbox/outbox-message';
import {
  activeTraceFields,
  flushTracing,
  activeTraceparent,
  inSpan,
  parentFrom,
  withTraceHeaders,
} from './trace-context';
import { startTracing } from './tracing';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const SPAN_ID = 'b7ad6b7169203331';
const TRACEPARENT = `00-${TRACE_ID}-${SPAN_ID}-01`;

// The SDK as a service starts it, its spans kept in memory instead of exported.
const exported = new InMemorySpanExporter();
beforeAll(() =>
  startTracing('spec', {
    instrumentHttp: false,
    spanProcessors: [new SimpleSpanProcessor(exported)],
  }),
);

function envelope(metadata: EventMetadata): EventEnvelope {
  return rehashed({
    eventId: '7d3c1d9e-1f0a-4f7e-9a55-0c1b2d3e4f50',
    type: 'ClaimApproved',
    schemaVersion: 1,
    streamId: 'claim-1',
    streamType: 'claim',
    version: 3,
    globalPosition: '42',
    occurredAt: '2026-12-07T08:00:00.000+07:00',
    recordedAt: '2026-12-07T08:00:00.000+07:00',
    metadata,
    data: { claimId: 'claim-1' },
    hash: '',
    previousHash: null,
  });
}

const CAUSE: EventMetadata = {
  correlationId: 'c-1',
  causationId: null,
  actor: { id: 'u', kind: 'user' },
};

const inSpanContext = <T>(work: () => T): T =>
  context.with(
    trace.setSpanContext(ROOT_CONTEXT, {
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      traceFlags: TraceFlags.SAMPLED,
    }),
    work,
  );

describe('trace context plumbing', () => {
  it('gives the active span as a traceparent, and none outside a span', () => {
    expect(inSpanContext(activeTraceparent)).toBe(TRACEPARENT);
    expect(activeTraceparent()).toBeUndefined();
  });

  it("reads a message's or request's traceparent as the parent (any header case)", () => {
    const parent = parentFrom({ 'event-id': 'e-1', Traceparent: TRACEPARENT });
    expect(trace.getSpanContext(parent)).toMatchObject({ traceId: TRACE_ID, spanId: SPAN_ID });
    expect(trace.getSpanContext(parentFrom({}))).toBeUndefined();
  });

  it('adds the trace context to the headers of an outgoing call', () => {
    expect(inSpanContext(() => withTraceHeaders({ accept: 'application/json' }))).toEqual({
      accept: 'application/json',
      traceparent: TRACEPARENT,
    });
  });

  it("puts an event's traceparent into the Kafka headers the relay sends, and none when it has none", () => {
    const traced = outboxMessageFor(
      envelope({ ...CAUSE, traceparent: TRACEPARENT }),
      'claims.events',
    );
    expect(traced.headers).toMatchObject({ traceparent: TRACEPARENT });
    const untraced = outboxMessageFor(envelope(CAUSE), 'claims.events');
    expect(untraced.headers).not.toHaveProperty('traceparent');
  });

  it('keeps the traceparent in the envelope a consumer decodes, covered by the hash', () => {
    const published = envelope({ ...CAUSE, traceparent: TRACEPARENT });
    const { payload } = outboxMessageFor(published, 'claims.events');
    const decoded = decodeHashedEnvelope(Buffer.from(payload));
    expect(decoded.envelope.metadata.traceparent).toBe(TRACEPARENT);
    expect(decoded.recomputedHash).toBe(published.hash);
    // Another trace is another hash: the carried one no longer matches.
    const edited = payload.replace(TRACE_ID, 'f'.repeat(32));
    expect(decodeHashedEnvelope(Buffer.from(edited)).recomputedHash).not.toBe(published.hash);
  });

  it('hashes an event without a traceparent exactly as before the field existed', () => {
    const untraced = envelope(CAUSE);
    const { payload } = outboxMessageFor(untraced, 'claims.events');
    expect(JSON.parse(payload).metadata).toEqual(CAUSE);
    expect(decodeHashedEnvelope(Buffer.from(payload)).envelope.metadata).toEqual(CAUSE);
  });

  it('runs work as a child span of the trace a message names, and exports it', async () => {
    const seen = await inSpan(
      {
        name: 'claims.events process',
        kind: SpanKind.CONSUMER,
        parent: parentFrom({ traceparent: TRACEPARENT }),
      },
      () => Promise.resolve({ ...activeTraceFields(), traceparent: activeTraceparent() }),
    );
    expect(seen.trace_id).toBe(TRACE_ID);
    expect(seen.span_id).not.toBe(SPAN_ID);
    expect(seen.traceparent).toBe(`00-${TRACE_ID}-${seen.span_id}-01`);
    await flushTracing(); // what a service's shutdown does
    const span = exported
      .getFinishedSpans()
      .find((finished) => finished.name === 'claims.events process');
    expect(span?.parentSpanContext?.spanId).toBe(SPAN_ID);
  });

  it('starts a new trace for work no message or request names', async () => {
    const seen = await inSpan(
      { name: 'tick', kind: SpanKind.INTERNAL, parent: parentFrom({}) },
      () => Promise.resolve(activeTraceFields()),
    );
    expect(seen.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(seen.trace_id).not.toBe(TRACE_ID);
  });
});
