import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorPage, errorStatus, type ErrorKind } from '../views/pages';
import { pageContextOf } from './page-context';
import { CsrfRejected, PageForbidden, PageNotFound, RedirectTo } from './page-exceptions';
import { sendPage } from './render';

/** Every failure becomes a page in the user's language (or a redirect to sign in). */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('console');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (exception instanceof RedirectTo) {
      response.redirect(303, exception.location);
      return;
    }
    const kind = this.kindOf(exception);
    if (kind === 'server') {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    const page = pageContextOf(request);
    sendPage(response, ErrorPage({ page, kind }), errorStatus(kind));
  }

  private kindOf(exception: unknown): ErrorKind {
    if (exception instanceof PageForbidden) return 'forbidden';
    if (exception instanceof CsrfRejected) return 'csrf';
    if (exception instanceof PageNotFound) return 'notFound';
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) return 'notFound';
      if (status === 403) return 'forbidden';
    }
    return 'server';
  }
}
