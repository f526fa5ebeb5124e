import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  isSpanContextValid,
  propagation,
  ProxyTracerProvider,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';

/**
 * The W3C trace context as the platform carries it (ADR 0028): in an event's metadata
 * (`traceparent`), in the Kafka headers the relay sends, and on HTTP calls. Everything here
 * goes through `@opentelemetry/api`, so without a started SDK (tools, most tests) it does
 * nothing and costs nothing; startTracing (tracing.ts) makes it real.
 */

export const TRACEPARENT = 'traceparent';

const tracer = () => trace.getTracer('santunan');

/** The active span's ids as log fields (OpenTelemetry's log names), none outside a span. */
export function activeTraceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getSpan(context.active());
  if (span === undefined) return {};
  const ids = span.spanContext();
  return isSpanContextValid(ids) ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
}

/** The active span as a `traceparent` value: what an event recorded now carries. */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier[TRACEPARENT];
}

/** `headers` with the active trace context added, for an outgoing call (fetch). */
export function withTraceHeaders(headers: Record<string, string>): Record<string, string> {
  const carrier: Record<string, string> = { ...headers };
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The remote parent a message or request names in its headers; the root context if none. */
export function parentFrom(headers: Readonly<Record<string, unknown>>): Context {
  const carrier: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') carrier[name.toLowerCase()] = value;
  }
  return propagation.extract(ROOT_CONTEXT, carrier);
}

export interface SpanOptions {
  readonly name: string;
  readonly kind: SpanKind;
  readonly parent: Context;
  readonly attributes?: Attributes;
}

/**
 * Runs `work` as the active span (child of `parent`), ends it when `work` settles, and marks it
 * failed when `work` throws.
 */
export async function inSpan<T>(
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const span = tracer().startSpan(
    options.name,
    { kind: options.kind, ...(options.attributes ? { attributes: options.attributes } : {}) },
    options.parent,
  );
  try {
    return await context.with(trace.setSpan(options.parent, span), () => work(span));
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/** A span started now and ended by the caller, with the context that makes it active. */
export function startSpan(options: SpanOptions): {
  readonly span: Span;
  readonly context: Context;
} {
  const span = tracer().startSpan(
    options.name,
    { kind: options.kind, ...(options.attributes ? { attributes: options.attributes } : {}) },
    options.parent,
  );
  return { span, context: trace.setSpan(options.parent, span) };
}

/**
 * Exports what is still buffered (a service's shutdown). The SDK itself stays registered: the
 * API refuses a second registration, and an e2e run starts several platforms in one process.
 */
export async function flushTracing(): Promise<void> {
  const provider = trace.getTracerProvider();
  const delegate = provider instanceof ProxyTracerProvider ? provider.getDelegate() : provider;
  if ('forceFlush' in delegate && typeof delegate.forceFlush === 'function')
    await (delegate.forceFlush as () => Promise<void>).call(delegate);
}

export { SpanKind };
