import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RequireRoles } from '../auth/page-access';
import { Page, type SignedInContext } from '../web/page-context';
import { problemMessage } from '../web/problem-messages';
import { sendPage } from '../web/render';
import { FinanceApi } from './finance.api';
import { ReconciliationPage } from './finance.pages';
import { reconciliationDateOf } from './payout-filters';

/** Reconciliation: one day's movements, and every decision's settled amount against it. */
@Controller('finance/reconciliation')
@RequireRoles('finance', 'auditor')
export class FinanceReconciliationController {
  constructor(@Inject(FinanceApi) private readonly finance: FinanceApi) {}

  @Get()
  async report(
    @Page() page: SignedInContext,
    @Query('date') dateParam: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const date = reconciliationDateOf(dateParam);
    const [daily, check] = await Promise.all([
      this.finance.daily(page.accessToken, date),
      this.finance.decisions(page.accessToken),
    ]);
    sendPage(
      response,
      ReconciliationPage({
        page,
        date,
        daily: daily.ok ? daily.value : null,
        dailyError: daily.ok ? null : problemMessage(page.t, daily.problem),
        check: check.ok ? check.value : null,
        checkError: check.ok ? null : problemMessage(page.t, check.problem),
      }),
    );
  }
}
