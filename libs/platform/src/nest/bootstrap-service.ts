import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
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
  const app = await NestFactory.create(rootModule, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  mountOpenApi(app, service);
  await connectEventTransport(app);
  await app.listen(service.port, host);
  process.stdout.write(
    `[${service.serviceName}] listening on http://${host}:${service.port} (Swagger UI: http://${host}:${service.port}/docs)\n`,
  );
  return app;
}
