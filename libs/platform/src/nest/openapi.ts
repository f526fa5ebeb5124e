import { STATUS_CODES } from 'node:http';
import type { INestApplication, Type } from '@nestjs/common';
import { PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  PathItemObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PUBLIC_METADATA, ROLES_METADATA } from '../auth/auth.decorators';
import { problemCodesOf } from '../http/api-problems';
import { apiTagOf } from '../http/api-tag';
import { PROBLEM_CONTENT_TYPE } from '../http/problem-details';
import {
  FieldErrorDto,
  ProblemDetailsDto,
  ValidationProblemDetailsDto,
} from '../http/problem-details.dto';
import { RedactedDto } from '../http/personal-text.dto';

export interface ServiceDescription {
  readonly serviceName: string;
  readonly title: string;
  readonly description: string;
  readonly port: number;
}

/** What the document says about the service (its port is not needed: the server is `/`). */
export type OpenApiServiceDescription = Omit<ServiceDescription, 'port'>;

/** The health routes every service has (HealthModule), described by describeHealth. */
const HEALTH_PATHS: ReadonlySet<string> = new Set(['/health', '/health/live', '/health/ready']);
const BEARER = 'bearer';

/** The codes the AuthGuard answers with (libs/platform/src/auth/auth-problems.ts). */
const TOKEN_PROBLEMS = ['AUTH_TOKEN_MISSING', 'AUTH_TOKEN_INVALID', 'AUTH_TOKEN_EXPIRED'];
const ROLE_PROBLEM = 'AUTH_FORBIDDEN_ROLE';

/** What the ValidationPipe does not validate (its `toValidate`): only class metatypes are. */
const UNVALIDATED_TYPES: readonly unknown[] = [
  String,
  Boolean,
  Number,
  Array,
  Object,
  Buffer,
  Date,
];

/** What the platform's guard and pipe do on a route, read from the metadata they read. */
interface RouteFacts {
  readonly isPublic: boolean;
  readonly roles: readonly string[];
  /** A body, query or path parameter is validated into a class: 400 VALIDATION_FAILED. */
  readonly validated: boolean;
  /**
   * The handler takes a JSON body: a body that is not JSON is 400 BAD_REQUEST, one nested too
   * deeply 400 BODY_TOO_DEEP, one too large 413 BODY_TOO_LARGE (http/body-limits).
   */
  readonly takesBody: boolean;
  /** Codes the handler (or its controller) names with @ApiProblems, by status. */
  readonly problems: ReadonlyMap<number, readonly string[]>;
}

/**
 * The OpenAPI document of a service, as `/docs-json` serves it: every operation with the
 * problems it answers with (application/problem+json, `ProblemDetails`), its security, its
 * roles; `servers`, tags, licence and GET /health filled in. See ADR 0020.
 */
export function openApiDocument(
  app: INestApplication,
  service: OpenApiServiceDescription,
): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(service.title)
    .setDescription(
      `${service.description}\n\nErrors are RFC 9457 problem details (application/problem+json) with a stable \`code\`.`,
    )
    .setVersion('1')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'An access token from the identity provider (Keycloak), with realm roles.',
      },
      BEARER,
    )
    // Relative: right wherever the service listens (locally, in a container, behind a proxy).
    .addServer('/', 'This service: where this document was fetched from');
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ProblemDetailsDto, ValidationProblemDetailsDto, FieldErrorDto, RedactedDto],
    operationIdFactory: operationId,
  });
  const routes = routeFacts(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of operationsOf(item)) {
      const facts =
        operation.operationId === undefined ? undefined : routes.get(operation.operationId);
      // Not a route of a controller (cannot happen with the default operation ids): left as
      // the scanner made it, which the lint test would refuse; a document is no reason to
      // keep a service from starting.
      if (facts === undefined) continue;
      if (HEALTH_PATHS.has(path)) describeHealth(path, operation);
      describeAccess(operation, facts);
      describeProblems(operation, facts);
    }
  }
  document.tags = tagsOf(document, tagDescriptions(app));
  pruneUnusedSchemas(document);
  return document;
}

/** Adds the OpenAPI document (/docs-json) and Swagger UI (/docs). */
export function mountOpenApi(app: INestApplication, service: OpenApiServiceDescription): void {
  SwaggerModule.setup('docs', app, openApiDocument(app, service), {
    jsonDocumentUrl: 'docs-json',
  });
}

/** As @nestjs/swagger names operations by default; the key of RouteFacts. */
function operationId(controllerKey: string, methodKey: string): string {
  return `${controllerKey}_${methodKey}`;
}

function operationsOf(item: PathItemObject): OperationObject[] {
  return [item.get, item.put, item.post, item.delete, item.patch, item.options, item.head].filter(
    (operation): operation is OperationObject => operation !== undefined,
  );
}

/** Every route handler of the application's controllers, by operation id. */
function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const routes = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (typeof controller !== 'function') continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const handler = key === 'constructor' ? undefined : prototype[key];
        if (typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        routes.set(operationId(controller.name, key), factsOf(controller, key, handler));
      }
    }
  }
  return routes;
}

function factsOf(controller: Type<unknown>, key: string, handler: object): RouteFacts {
  const isPublic =
    (Reflect.getMetadata(PUBLIC_METADATA, handler) as boolean | undefined) ??
    (Reflect.getMetadata(PUBLIC_METADATA, controller) as boolean | undefined) ??
    false;
  const roles =
    (Reflect.getMetadata(ROLES_METADATA, handler) as readonly string[] | undefined) ??
    (Reflect.getMetadata(ROLES_METADATA, controller) as readonly string[] | undefined) ??
    [];
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, key) ?? {}) as Record<
    string,
    { index: number }
  >;
  const prototype = controller.prototype as object;
  const types = (Reflect.getMetadata('design:paramtypes', prototype, key) ?? []) as unknown[];
  const body: number = RouteParamtypes.BODY;
  const validatedKinds: readonly number[] = [
    RouteParamtypes.BODY,
    RouteParamtypes.QUERY,
    RouteParamtypes.PARAM,
  ];
  let validated = false;
  let takesBody = false;
  for (const [argKey, { index }] of Object.entries(args)) {
    // Keys are `<RouteParamtypes>:<index>` (custom decorators: `<name>__customRouteArgs__:<index>`).
    const paramtype = Number(argKey.split(':')[0]);
    if (paramtype === body) takesBody = true;
    const metatype = types[index];
    if (
      validatedKinds.includes(paramtype) &&
      typeof metatype === 'function' &&
      !UNVALIDATED_TYPES.includes(metatype)
    ) {
      validated = true;
    }
  }
  const problems = new Map<number, readonly string[]>();
  for (const table of [problemCodesOf(controller), problemCodesOf(handler)]) {
    for (const [status, codes] of table) {
      problems.set(status, [...new Set([...(problems.get(status) ?? []), ...codes])]);
    }
  }
  return { isPublic, roles, validated, takesBody, problems };
}

/** Security as the AuthGuard applies it, and the roles it asks for, in the description. */
function describeAccess(operation: OperationObject, facts: RouteFacts): void {
  operation.security = facts.isPublic ? [] : [{ [BEARER]: [] }];
  const access = facts.isPublic
    ? 'No token needed.'
    : facts.roles.length === 0
      ? 'Any signed-in user may call this.'
      : `Roles: ${facts.roles.map((role) => `\`${role}\``).join(', ')}.`;
  operation.description =
    operation.description === undefined || operation.description === ''
      ? access
      : `${operation.description}\n\n${access}`;
}

/** Every problem the operation answers with, one response per status. */
function describeProblems(operation: OperationObject, facts: RouteFacts): void {
  const problems = new Map<number, string[]>();
  const add = (status: number, ...codes: string[]): void => {
    problems.set(status, [...new Set([...(problems.get(status) ?? []), ...codes])]);
  };
  if (facts.validated) add(400, 'VALIDATION_FAILED');
  if (facts.takesBody) {
    add(400, 'BAD_REQUEST', 'BODY_TOO_DEEP');
    add(413, 'BODY_TOO_LARGE');
  }
  if (!facts.isPublic) add(401, ...TOKEN_PROBLEMS);
  if (!facts.isPublic && facts.roles.length > 0) add(403, ROLE_PROBLEM);
  for (const [status, codes] of facts.problems) add(status, ...codes);

  const responses = operation.responses;
  for (const [status, response] of Object.entries(responses)) {
    if (response !== undefined && 'description' in response && response.description === '') {
      response.description = STATUS_CODES[Number(status)] ?? status;
    }
  }
  for (const status of [...problems.keys()].sort((a, b) => a - b)) {
    responses[String(status)] = problemResponse(status, problems.get(status) ?? []);
  }
}

function problemResponse(status: number, codes: readonly string[]): ResponseObject {
  const schema = status === 400 ? ValidationProblemDetailsDto : ProblemDetailsDto;
  return {
    description: `${STATUS_CODES[status] ?? 'Error'}: ${codes.map((code) => `\`${code}\``).join(', ')}.`,
    ...(status === 401
      ? {
          headers: {
            'WWW-Authenticate': {
              description: 'Bearer realm="santunan", with error="invalid_token" for a bad token.',
              schema: { type: 'string' },
            },
          },
        }
      : {}),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(schema) } } },
  };
}

/** Each readiness check by name: `up` (with details such as the relay's role) or `down` with a reason. */
const HEALTH_CHECKS_SCHEMA: SchemaObject = {
  type: 'object',
  description:
    'database, keyDatabase, broker, identityProvider (JWKS mode), outboxRelay (where the ' +
    'workers run); while starting: startup and migrations.',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: {
      status: { type: 'string', enum: ['up', 'down'] },
      reason: { type: 'string', example: 'ECONNREFUSED' },
    },
  },
  example: {
    database: { status: 'up' },
    broker: { status: 'down', reason: 'no answer within 5000 ms' },
  },
};

/**
 * GET /health/live, /health/ready and /health come with every service (HealthModule, ADR
 * 0030); what they answer is said here, where every service's document is made.
 */
function describeHealth(path: string, operation: OperationObject): void {
  if (path === '/health/live') {
    operation.summary ??= 'Liveness: whether the process answers';
    operation.description ??=
      "For an orchestrator's liveness probe: 200 while the process serves HTTP, even when a " +
      'dependency is down or the service is still migrating. Asks nothing else.';
    operation.responses['200'] = {
      description: 'Alive.',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['status'],
            properties: { status: { type: 'string', enum: ['ok'] } },
          },
        },
      },
    };
    return;
  }
  operation.summary ??=
    path === '/health'
      ? 'Readiness (the address kept for older probes; same as /health/ready)'
      : 'Readiness: whether this instance can serve requests';
  operation.description ??=
    'For load balancers, the platform runner and compose: 200 when the database, the key ' +
    "database, the broker, the identity provider's key set and the outbox relay all answer " +
    'within a few seconds; 503 naming the checks that failed, while migrations run, or while ' +
    'shutting down.';
  operation.responses['200'] = {
    description: 'Ready.',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['status', 'checks'],
          properties: {
            status: { type: 'string', enum: ['ok'] },
            checks: HEALTH_CHECKS_SCHEMA,
          },
        },
      },
    },
  };
  const notReady = problemResponse(503, ['NOT_READY']);
  notReady.description =
    'Not ready (`NOT_READY`): `checks` says which dependency is down, or that the service is ' +
    'starting (migrating) or shutting down.';
  notReady.content = {
    [PROBLEM_CONTENT_TYPE]: {
      schema: {
        allOf: [
          { $ref: getSchemaPath(ProblemDetailsDto) },
          { type: 'object', properties: { checks: HEALTH_CHECKS_SCHEMA } },
        ],
      },
    },
  };
  operation.responses['503'] = notReady;
}

/** Every tag an operation uses, declared once (sorted) with its description, as linters expect. */
function tagsOf(
  document: OpenAPIObject,
  descriptions: ReadonlyMap<string, string>,
): NonNullable<OpenAPIObject['tags']> {
  const declared = new Map((document.tags ?? []).map((tag) => [tag.name, tag]));
  for (const item of Object.values(document.paths)) {
    for (const operation of operationsOf(item)) {
      for (const name of operation.tags ?? []) {
        if (!declared.has(name)) declared.set(name, { name });
      }
    }
  }
  return [...declared.values()]
    .map((tag) => {
      const description = tag.description ?? descriptions.get(tag.name);
      return description === undefined ? tag : { ...tag, description };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Descriptions given with `@ApiTag` on the controllers, and GET /health's own. */
function tagDescriptions(app: INestApplication): Map<string, string> {
  const descriptions = new Map<string, string>([
    ['health', 'Liveness and readiness (every service has them).'],
  ]);
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const described =
        typeof wrapper.metatype === 'function' ? apiTagOf(wrapper.metatype) : undefined;
      if (described !== undefined && !descriptions.has(described.name)) {
        descriptions.set(described.name, described.description);
      }
    }
  }
  return descriptions;
}

/**
 * Schemas no operation reaches: DTOs the scanner found elsewhere (the Kafka controllers'
 * payloads, described by the AsyncAPI documents instead).
 */
function pruneUnusedSchemas(document: OpenAPIObject): void {
  const schemas = document.components?.schemas;
  if (schemas === undefined) return;
  const prefix = '#/components/schemas/';
  const reached = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith(prefix)) {
          const name = value.slice(prefix.length);
          if (!reached.has(name)) {
            reached.add(name);
            visit(schemas[name]);
          }
        } else {
          visit(value);
        }
      }
    }
  };
  visit(document.paths);
  for (const name of Object.keys(schemas)) {
    if (!reached.has(name)) delete schemas[name];
  }
}
