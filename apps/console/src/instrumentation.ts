// Imported first by main.ts: OpenTelemetry must start before anything loads `http` (ADR 0028).
import { startTracing } from '@santunan/platform/tracing';

startTracing('console');
