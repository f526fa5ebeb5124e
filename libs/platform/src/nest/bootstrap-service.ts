import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { StartupProbe } from '../health/startup-probe';
import { MAX_JSON_BODY_BYTES } from '../http/body-limits';
import type { PlatformLogger } from '../observability/logger';
import { PLATFORM_LOGGER } from '../observability/observability.module';
import { connectEventTransport } from './event-transport';
import { mountOpenApi, type ServiceDescription } from './openapi';

/** Starts a service's HTTP API, its Kafka consumers and workers; SIGINT/SIGTERM stop them cleanly. */
export async function bootstrapService(
  rootModule: Type<unknown> | DynamicModule,
  service: ServiceDescription & {
    /** ServiceConfig.httpHost; 127.0.0.1 (this machine only) when unset. */
    readonly host?: string | undefined;
  },
): Promise<INestApplication> {
  const host = service.host ?? '127.0.0.1';
  // Alive and not ready on the port while the runtime migrates and starts (ADR 0030); port 0
  // (tests) has no one polling it.
  const startup = service.port === 0 ? undefined : await StartupProbe.listen(service.port, host);
  // The body parsers are ours so their limits are stated, not defaults: a larger JSON body is
  // 413 BODY_TOO_LARGE, a deeper one 400 BODY_TOO_DEEP (ProblemDetailsModule's middleware).
  // Nest's own messages wait for the service's logger (ADR 0028) and then go through it.
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    bufferLogs: true,
    bodyParser: false,
  }).catch(async (error: unknown) => {
    await startup?.close();
    throw error;
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: MAX_JSON_BODY_BYTES });
  app.useBodyParser('urlencoded', { limit: MAX_JSON_BODY_BYTES, extended: true });
  app.enableShutdownHooks();
  mountOpenApi(app, service);
  await connectEventTransport(app);
  await startup?.close();
  await app.listen(service.port, host);
  app
    .get<PlatformLogger>(PLATFORM_LOGGER)
    .info(
      `listening on http://${host}:${service.port} (Swagger UI: http://${host}:${service.port}/docs)`,
    );
  return app;
}
