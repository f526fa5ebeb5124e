import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { MAX_JSON_BODY_BYTES } from '../http/body-limits';
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
  // The body parsers are ours so their limits are stated, not defaults: a larger JSON body is
  // 413 BODY_TOO_LARGE, a deeper one 400 BODY_TOO_DEEP (ProblemDetailsModule's middleware).
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    logger: ['error', 'warn', 'log'],
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: MAX_JSON_BODY_BYTES });
  app.useBodyParser('urlencoded', { limit: MAX_JSON_BODY_BYTES, extended: true });
  app.enableShutdownHooks();
  mountOpenApi(app, service);
  await connectEventTransport(app);
  await app.listen(service.port, host);
  process.stdout.write(
    `[${service.serviceName}] listening on http://${host}:${service.port} (Swagger UI: http://${host}:${service.port}/docs)\n`,
  );
  return app;
}
