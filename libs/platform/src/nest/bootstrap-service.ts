import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export interface ServiceDescription {
  readonly serviceName: string;
  readonly title: string;
  readonly description: string;
  readonly port: number;
}

/** Adds the OpenAPI document (/docs-json) and Swagger UI (/docs) with bearer auth. */
export function mountOpenApi(
  app: INestApplication,
  service: Omit<ServiceDescription, 'port'>,
): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(service.title)
      .setDescription(
        `${service.description}\n\nErrors are RFC 9457 problem details (application/problem+json) with a stable \`code\`.`,
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/** Starts a service's HTTP API and workers; SIGINT/SIGTERM stop them cleanly. */
export async function bootstrapService(
  rootModule: Type<unknown> | DynamicModule,
  service: ServiceDescription,
): Promise<INestApplication> {
  const app = await NestFactory.create(rootModule, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  mountOpenApi(app, service);
  await app.listen(service.port, '127.0.0.1');
  process.stdout.write(
    `[${service.serviceName}] listening on http://127.0.0.1:${service.port} (Swagger UI: http://127.0.0.1:${service.port}/docs)\n`,
  );
  return app;
}
