import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import { pinoHttp } from 'pino-http';
import { actorOf } from '../auth/auth.decorators';
import { correlationIdOf } from '../http/correlation-id.decorator';
import type { PlatformLogger } from './logger';
import { parentFrom, SpanKind, startSpan } from './trace-context';

type Request = IncomingMessage & {
  readonly originalUrl?: string;
  readonly baseUrl?: string;
  /** Express's matched route, set by the time the response is sent. */
  readonly route?: { readonly path?: unknown };
};

const PROBES = /^\/(health|metrics)(\/|\?|$)/;

function pathOf(request: Request): string {
  return (request.originalUrl ?? request.url ?? '').split('?')[0] ?? '';
}

/** What a request line says of the request: never its body, query or headers (personal data, tokens). */
function requestFields(request: Request): Record<string, unknown> {
  return { method: request.method, path: pathOf(request) };
}

/** The route template (`/claims/:claimId`) when a controller's route matched: groups lines by endpoint. */
function routeFields(request: Request): Record<string, unknown> {
  const template = request.route?.path;
  return typeof template === 'string' && !template.includes('*')
    ? { route: `${request.baseUrl ?? ''}${template}` }
    : {};
}

function causeFields(request: Request): Record<string, unknown> {
  const actor = actorOf(request);
  return {
    ...routeFields(request),
    correlationId: correlationIdOf(request),
    ...(actor ? { actorId: actor.id } : {}),
  };
}

/**
 * The HTTP edge's observability, one Express middleware so its order is fixed: the request
 * runs in a server span — instrumentation-http's when it patched `http`, else one started
 * here from the caller's `traceparent` (Jest, where require hooks do not reach) — and one
 * line is logged when the response is sent: method, path, status, duration,
 * correlation id and actor. Probes (/health, /metrics) are neither logged nor traced.
 */
export function requestObservability(
  logger: PlatformLogger,
): (request: Request, response: ServerResponse, next: () => void) => void {
  const logRequest = pinoHttp({
    logger,
    genReqId: (request) => correlationIdOf(request),
    wrapSerializers: false,
    serializers: {
      req: (request: Request) => requestFields(request),
      res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
    },
    customLogLevel: (_request, response, error) =>
      error !== undefined || response.statusCode >= 500 ? 'error' : 'info',
    customSuccessMessage: (request, response) =>
      `${request.method ?? ''} ${pathOf(request)} ${response.statusCode}`,
    customErrorMessage: (request, response) =>
      `${request.method ?? ''} ${pathOf(request)} ${response.statusCode}`,
    customSuccessObject: (request, _response, fields: object) => ({
      ...fields,
      ...causeFields(request),
    }),
    customErrorObject: (request, _response, _error, fields: object) => ({
      ...fields,
      ...causeFields(request),
    }),
    autoLogging: { ignore: (request) => PROBES.test(pathOf(request)) },
  });

  return (request, response, next) => {
    // originalUrl: Nest mounts this middleware under a path, so `url` is relative to it.
    if (PROBES.test(pathOf(request)) || trace.getSpan(context.active()) !== undefined) {
      logRequest(request, response, next);
      return;
    }
    const { span, context: active } = startSpan({
      name: request.method ?? 'HTTP',
      kind: SpanKind.SERVER,
      parent: parentFrom(request.headers),
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: request.method ?? '',
        [ATTR_URL_PATH]: pathOf(request),
      },
    });
    response.once('close', () => {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(active, () => {
      // The response's listeners (the request line's among them) run in the request's span.
      context.bind(active, response);
      logRequest(request, response, next);
    });
  };
}
