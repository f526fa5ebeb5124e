export * from './log-context';
export * from './log-redaction';
export * from './logger';
export * from './observability.module';
export * from './http-logging';
export {
  activeTraceFields,
  activeTraceparent,
  flushTracing,
  inSpan,
  parentFrom,
  startSpan,
  withTraceHeaders,
  TRACEPARENT,
} from './trace-context';
export * from './recorded-events';
