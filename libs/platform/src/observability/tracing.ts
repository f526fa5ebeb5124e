// Imports OpenTelemetry only: a service's main.ts loads this module (through its
// `instrumentation.ts`) before anything that loads `http`, which instrumentation-http can only
// patch when it is required after the SDK started (checked with ts-node and the dist build).
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  NoopSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

export interface TracingOptions {
  /** Instruments node's http (incoming and outgoing); off where require hooks cannot reach (Jest). */
  readonly instrumentHttp?: boolean;
  /** Instead of the environment's exporter (a spec's in-memory one). */
  readonly spanProcessors?: readonly SpanProcessor[];
  readonly env?: NodeJS.ProcessEnv;
}

let running: NodeSDK | undefined;

/** Where spans are exported: the OTLP/HTTP endpoint the environment names, or none. */
export function otlpTracesEndpoint(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return (
    env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_ENDPOINT'] || undefined
  );
}

/**
 * Starts OpenTelemetry once per process (ADR 0028): W3C trace context, a span per incoming
 * request and per consumed event, spans exported by OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT
 * (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set. Without an endpoint spans are still made and
 * propagated — log lines and events carry their trace ids — but go nowhere. The SDK's own
 * metrics and logs stay off: metrics are prom-client's, logs pino's.
 */
export function startTracing(serviceName: string, options: TracingOptions = {}): void {
  if (running !== undefined) return;
  const env = options.env ?? process.env;
  const exported = otlpTracesEndpoint(env) !== undefined;
  running = new NodeSDK({
    serviceName: env['OTEL_SERVICE_NAME'] || serviceName,
    textMapPropagator: new W3CTraceContextPropagator(),
    spanProcessors: [
      ...(options.spanProcessors ??
        // The exporter reads the endpoint, headers and timeout from the OTEL_* variables.
        [exported ? new BatchSpanProcessor(new OTLPTraceExporter()) : new NoopSpanProcessor()]),
    ],
    instrumentations:
      options.instrumentHttp === false
        ? []
        : [new HttpInstrumentation({ ignoreIncomingRequestHook: isProbe })],
    metricReaders: [],
    logRecordProcessors: [],
  });
  running.start();
}

/** Liveness probes and scrapes are not worth a trace each. */
function isProbe(request: { url?: string }): boolean {
  return /^\/(health|metrics)(\/|\?|$)/.test(request.url ?? '');
}
