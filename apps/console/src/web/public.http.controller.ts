import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PublicPage } from '../auth/page-access';
import { isLanguage } from '../i18n/messages';
import { HomePage } from '../views/pages';
import { LANGUAGE_COOKIE, PublicContext, type PageContext } from './page-context';
import { localPath } from './page-exceptions';
import { sendPage } from './render';

const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

@Controller()
@PublicPage()
export class PublicController {
  /** The home page: sign in, or the signed-in user's own links. */
  @Get()
  home(@PublicContext() page: PageContext, @Res() response: Response): void {
    sendPage(response, HomePage({ page }));
  }

  /** A link, so it works without JavaScript and before signing in; only a preference changes. */
  @Get('lang/:lang')
  language(
    @Param('lang') lang: string,
    @Query('returnTo') returnTo: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    if (isLanguage(lang)) {
      response.cookie(LANGUAGE_COOKIE, lang, {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.secure,
        maxAge: ONE_YEAR_MS,
        path: '/',
      });
    }
    response.redirect(303, localPath(returnTo));
  }
}
