import {
  Catch,
  HttpException,
  Inject,
  Optional,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  defaultLogger,
  errorFields,
  PLATFORM_LOGGER,
  type PlatformLogger,
} from '@santunan/platform';
import { ErrorPage, errorStatus, type ErrorKind } from '../views/pages';
import { pageContextOf } from './page-context';
import { CsrfRejected, PageForbidden, PageNotFound, RedirectTo } from './page-exceptions';
import { sendPage } from './render';

/** Every failure becomes a page in the user's language (or a redirect to sign in). */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger: PlatformLogger;

  constructor(@Optional() @Inject(PLATFORM_LOGGER) logger?: PlatformLogger) {
    this.logger = (logger ?? defaultLogger()).child({ component: 'pages' });
  }

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
      this.logger.error(errorFields(exception), 'page failed');
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
