import { STATUS_CODES } from 'node:http';
import {
  BadRequestException,
  Catch,
  HttpException,
  Inject,
  Optional,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { defaultLogger, errorFields, type PlatformLogger } from '../observability/logger';
import { PLATFORM_LOGGER } from '../observability/observability.module';
import {
  DomainRejectedError,
  REJECTION_ANSWERS,
  rejectionProblem,
  type RejectionAnswers,
} from './domain-rejections';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem-details';
import { ProblemException } from './problem.exception';

/** Codes for errors that did not come as a ProblemException (Nest's built-ins, body parser). */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  410: 'GONE',
  412: 'PRECONDITION_FAILED',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_CONTENT',
  429: 'TOO_MANY_REQUESTS',
};

const INTERNAL_DETAIL = 'An unexpected error occurred. It has been logged; please try again later.';

/**
 * Turns every error that reaches the HTTP edge into problem details. Server-side failures
 * never show their message or stack to the caller (they may hold SQL or personal data);
 * they are logged instead.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger: PlatformLogger;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Optional()
    @Inject(REJECTION_ANSWERS)
    private readonly rejections: RejectionAnswers | null,
    @Optional() @Inject(PLATFORM_LOGGER) logger?: PlatformLogger,
  ) {
    this.logger = (logger ?? defaultLogger()).child({ component: 'problem-details' });
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    // Only HTTP requests have a caller waiting for problem details.
    if (host.getType() !== 'http') throw exception;
    const adapter = this.adapterHost.httpAdapter;
    const http = host.switchToHttp();
    const request: unknown = http.getRequest();
    const response: unknown = http.getResponse();
    const problem = this.toProblem(exception, requestPath(request));
    if (problem.status >= 500) this.logger.error(errorFields(exception), describe(exception));

    if (adapter.isHeadersSent(response)) {
      adapter.end(response);
      return;
    }
    adapter.status(response, problem.status);
    if (exception instanceof ProblemException) {
      for (const [name, value] of Object.entries(exception.headers))
        adapter.setHeader(response, name, value);
    }
    // Written as a string: the adapter's reply() would reset a non-JSON content type.
    adapter.setHeader(response, 'Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    adapter.end(response, JSON.stringify(problem));
  }

  private toProblem(exception: unknown, instance: string | undefined): ProblemDetails {
    if (exception instanceof DomainRejectedError) {
      return rejectionProblem(exception.rejection, this.rejections ?? undefined).toProblem(
        instance,
      );
    }
    if (exception instanceof ProblemException) {
      return exception.toProblem(instance);
    }
    const parserProblem = bodyParserProblem(exception, instance);
    if (parserProblem !== undefined) return parserProblem;
    const status = statusOf(exception);
    if (status === undefined || status >= 500) {
      return genericProblem(500, 'INTERNAL_ERROR', INTERNAL_DETAIL, instance);
    }
    return genericProblem(
      status,
      CODE_BY_STATUS[status] ?? `HTTP_${status}`,
      clientMessage(exception),
      instance,
    );
  }
}

function genericProblem(
  status: number,
  code: string,
  detail: string,
  instance: string | undefined,
): ProblemDetails {
  return {
    type: problemType(code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(instance === undefined ? {} : { instance }),
  };
}

/**
 * The body parser's own refusals, with stable codes and fixed details: a JSON syntax error's
 * message quotes the body (which may hold a NIK), so it is never passed on.
 */
function bodyParserProblem(
  exception: unknown,
  instance: string | undefined,
): ProblemDetails | undefined {
  if (!isRecord(exception)) return undefined;
  switch (exception['type']) {
    case 'entity.too.large': {
      const limit = exception['limit'];
      return genericProblem(
        413,
        'BODY_TOO_LARGE',
        typeof limit === 'number'
          ? `The body is larger than the ${limit} bytes a request may carry.`
          : 'The body is larger than a request may carry.',
        instance,
      );
    }
    case 'entity.parse.failed':
      return genericProblem(400, 'BAD_REQUEST', NOT_JSON_DETAIL, instance);
    default:
      break;
  }
  // Nest turns the parser's SyntaxError into a BadRequestException with the same message
  // (RoutesResolver.mapExternalException), dropping its type: V8's JSON messages name JSON.
  if (
    exception instanceof BadRequestException &&
    !(exception instanceof ProblemException) &&
    /\bJSON\b/.test(exception.message)
  ) {
    return genericProblem(400, 'BAD_REQUEST', NOT_JSON_DETAIL, instance);
  }
  return undefined;
}

const NOT_JSON_DETAIL = 'The body is not valid JSON.';

/** The status of a Nest HttpException or of an `http-errors` error (thrown by the body parser). */
function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  if (
    isRecord(exception) &&
    typeof exception['statusCode'] === 'number' &&
    exception['expose'] !== false
  ) {
    const status = exception['statusCode'];
    return status >= 400 && status <= 599 ? status : undefined;
  }
  return undefined;
}

/** Only called for 4xx: those messages are written for the client. */
function clientMessage(exception: unknown): string {
  if (exception instanceof HttpException) {
    const body = exception.getResponse();
    if (typeof body === 'string') return body;
    if (isRecord(body)) {
      const message = body['message'];
      if (typeof message === 'string') return message;
      if (Array.isArray(message)) return message.map(String).join('; ');
    }
    return exception.message;
  }
  return isRecord(exception) && typeof exception['message'] === 'string'
    ? exception['message']
    : 'Bad request';
}

function requestPath(request: unknown): string | undefined {
  if (!isRecord(request)) return undefined;
  const url = request['originalUrl'] ?? request['url'];
  // The path only: a query string may carry personal data (a NIK search).
  return typeof url === 'string' ? url.split('?')[0] : undefined;
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
