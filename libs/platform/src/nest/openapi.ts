import type { INestApplication } from '@nestjs/common';
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
