import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRoles } from '../auth/page-access';
import { textFields } from '../web/form-state';
import { Page, keepForm, notify, takeForm, type SignedInContext } from '../web/page-context';
import { PageNotFound } from '../web/page-exceptions';
import { seeOther, sendPage } from '../web/render';
import { ClockPage } from './clock.page';
import { PlatformClocks, instantFromJakartaLocal, simulationMode } from './platform-clock';

const CLOCK_FORM = 'admin:clock';

/**
 * The platform's simulated now (ADR 0016), moved forward by an administrator. The services
 * decide: each checks the admin role and refuses a move backwards.
 */
@Controller('admin/clock')
@RequireRoles('admin')
export class ClockController {
  constructor(@Inject(PlatformClocks) private readonly clocks: PlatformClocks) {}

  @Get()
  async show(
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!simulationMode()) throw new PageNotFound();
    const clock = await this.clocks.read(page.accessToken);
    sendPage(response, ClockPage({ page, clock, form: takeForm(request, CLOCK_FORM) }));
  }

  @Post()
  async move(
    @Body() body: unknown,
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!simulationMode()) throw new PageNotFound();
    const values = textFields(body);
    const instant = instantFromJakartaLocal(values['now'] ?? '');
    if (instant === null) {
      keepForm(request, CLOCK_FORM, {
        values,
        fieldErrors: { now: [page.t('admin.clock.invalid')] },
        formError: null,
      });
      await seeOther(request, response, '/admin/clock');
      return;
    }
    const moved = await this.clocks.moveTo(page.accessToken, instant);
    if (!moved.ok) {
      const message =
        moved.reason === 'backwards'
          ? page.t('admin.clock.backwards')
          : moved.reason === 'invalid'
            ? page.t('admin.clock.invalid')
            : page.t('admin.clock.refused', { service: moved.service, detail: moved.detail });
      keepForm(request, CLOCK_FORM, {
        values,
        fieldErrors: moved.reason === 'refused' ? {} : { now: [message] },
        formError: moved.reason === 'refused' ? message : null,
      });
      await seeOther(request, response, '/admin/clock');
      return;
    }
    notify(request, 'success', page.t('admin.clock.moved'));
    await seeOther(request, response, '/admin/clock');
  }
}
