import 'reflect-metadata';
import { Body, Controller, Get, Param, Post, Query, type INestApplication } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { IsString, IsUUID } from 'class-validator';
import request from 'supertest';
import { Public, Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../http/api-problems';
import { ApiTag } from '../http/api-tag';
import { CorrelationId } from '../http/correlation-id.decorator';
import { OffsetPageQuery } from '../http/pagination.dto';
import { ProblemDetailsModule } from '../http/problem-details.module';
import { mountOpenApi, openApiDocument } from './openapi';

class ThingParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  thingId!: string;
}

class RenameThingDto {
  @ApiProperty()
  @IsString()
  name!: string;
}

class ThingsQuery extends OffsetPageQuery({ defaultLimit: 20, maxLimit: 100 }) {}

@ApiTag('things', 'Things to rename.')
@ApiProblems({ 404: 'THING_NOT_FOUND' })
@Controller('things')
class ThingsController {
  @Post(':thingId/name')
  @Roles('finance')
  @ApiProblems({ 403: 'THING_NOT_YOURS', 409: ['THING_LOCKED', 'THING_RENAMED'] })
  @ApiProblems({ 422: 'NAME_TAKEN' })
  rename(
    @Param() params: ThingParams,
    @Body() body: RenameThingDto,
    @CorrelationId() correlationId: string,
  ): { thingId: string; name: string; correlationId: string } {
    return { thingId: params.thingId, name: body.name, correlationId };
  }

  @Get()
  list(@Query() query: ThingsQuery): { limit: number; offset: number; isQuery: boolean } {
    return { limit: query.limit, offset: query.offset, isQuery: query instanceof ThingsQuery };
  }

  @Get('by-name/:name')
  byName(@Param('name') name: string): { name: string } {
    return { name };
  }
}

@Controller('ping')
class PingController {
  @Public()
  @Get()
  ping(): string {
    return 'pong';
  }
}

describe('the OpenAPI document of a service', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ProblemDetailsModule],
      controllers: [ThingsController, PingController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    mountOpenApi(app, { serviceName: 'things', title: 'Things', description: 'A test.' });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);
  const document = () =>
    openApiDocument(app, { serviceName: 'things', title: 'Things', description: 'A test.' });

  it('is what /docs-json serves', async () => {
    const served = await http().get('/docs-json').expect(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(document())));
  });

  it('has a server, a licence and every tag it uses', () => {
    const doc = document();
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(doc.info.license?.name).toBe('Apache-2.0');
    expect(doc.tags).toEqual([
      { name: 'Ping' },
      { name: 'things', description: 'Things to rename.' },
    ]);
  });

  it('documents the problems of an operation: its own, validation, token and role', () => {
    const operation = document().paths['/things/{thingId}/name']?.post;
    expect(operation?.security).toEqual([{ bearer: [] }]);
    expect(operation?.description).toContain('Roles: `finance`.');
    const responses = operation?.responses ?? {};
    expect(Object.keys(responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '422',
    ]);
    const described = (status: string) =>
      (responses[status] as { description: string }).description;
    expect(described('400')).toBe(
      'Bad Request: `VALIDATION_FAILED`, `BAD_REQUEST`, `BODY_TOO_DEEP`.',
    );
    expect(described('413')).toBe('Payload Too Large: `BODY_TOO_LARGE`.');
    expect(described('401')).toContain('`AUTH_TOKEN_MISSING`');
    expect(described('403')).toBe('Forbidden: `AUTH_FORBIDDEN_ROLE`, `THING_NOT_YOURS`.');
    expect(described('409')).toBe('Conflict: `THING_LOCKED`, `THING_RENAMED`.');
    expect(described('422')).toBe('Unprocessable Entity: `NAME_TAKEN`.');
    for (const status of ['400', '401', '403', '404', '409', '422']) {
      const content = (responses[status] as { content: Record<string, unknown> }).content;
      expect(Object.keys(content)).toEqual(['application/problem+json']);
    }
    expect(responses['400']).toMatchObject({
      content: {
        'application/problem+json': {
          schema: { $ref: '#/components/schemas/ValidationProblemDetails' },
        },
      },
    });
    expect(operation?.parameters).toContainEqual(
      expect.objectContaining({ name: 'X-Correlation-Id', in: 'header', required: false }),
    );
  });

  it('documents no 400 where nothing is validated, no 403 where any signed-in user may call', () => {
    const operation = document().paths['/things/by-name/{name}']?.get;
    // 404 from the controller's @ApiProblems.
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(['200', '401', '404']);
    expect(operation?.description).toBe('Any signed-in user may call this.');
  });

  it('documents a public operation without security or auth problems', () => {
    const operation = document().paths['/ping']?.get;
    expect(operation?.security).toEqual([]);
    expect(Object.keys(operation?.responses ?? {})).toEqual(['200']);
  });

  it('keeps only the schemas an operation reaches, and the problem shapes', () => {
    const schemas = Object.keys(document().components?.schemas ?? {}).sort();
    expect(schemas).toEqual([
      'FieldError',
      'ProblemDetails',
      'RenameThingDto',
      'ValidationProblemDetails',
    ]);
  });

  it('pages with the defaults of the list and refuses a page too large', async () => {
    const first = await http().get('/things').expect(200);
    expect(first.body).toEqual({ limit: 20, offset: 0, isQuery: true });
    const next = await http().get('/things?limit=5&offset=10').expect(200);
    expect(next.body).toEqual({ limit: 5, offset: 10, isQuery: true });
    const tooMany = await http().get('/things?limit=101').expect(400);
    expect(tooMany.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const limit = document().paths['/things']?.get?.parameters?.find(
      (parameter) => 'name' in parameter && parameter.name === 'limit',
    );
    expect(limit).toMatchObject({ in: 'query', required: false });
    expect(limit).toMatchObject({ schema: { default: 20, maximum: 100, minimum: 1 } });
  });

  it('passes the caller’s correlation id through, or makes one', async () => {
    const id = '0d4c1a6e-5a0b-4d8e-9b8e-3f1c2a7d9e01';
    const given = await http()
      .post(`/things/${id}/name`)
      .set('X-Correlation-Id', 'case-42')
      .send({ name: 'x' })
      .expect(201);
    expect(given.body).toMatchObject({ correlationId: 'case-42' });
    const made = await http()
      .post(`/things/${id}/name`)
      .set('X-Correlation-Id', 'not an id!')
      .send({ name: 'x' })
      .expect(201);
    expect(made.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
