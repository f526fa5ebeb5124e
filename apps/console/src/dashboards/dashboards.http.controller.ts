import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RequireRoles } from '../auth/page-access';
import { Page, type SignedInContext } from '../web/page-context';
import { problemMessage } from '../web/problem-messages';
import { sendPage } from '../web/render';
import { ClaimsDashboardPageView } from './claims-dashboard.page';
import { DashboardsApi } from './dashboards.api';
import { ProgramsDashboardPageView } from './programs-dashboard.page';

const PROGRAM_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** The dashboards: counts and sums the services keep, drawn as charts with their tables. */
@Controller('dashboards')
export class DashboardsController {
  constructor(@Inject(DashboardsApi) private readonly api: DashboardsApi) {}

  @Get('claims')
  @RequireRoles('claims-officer', 'claims-supervisor', 'auditor')
  async claims(@Page() page: SignedInContext, @Res() response: Response): Promise<void> {
    const [claims, payouts] = await Promise.all([
      this.api.claimsDashboard(page.accessToken),
      this.api.payoutStatistics(page.accessToken),
    ]);
    sendPage(
      response,
      ClaimsDashboardPageView({
        page,
        claims: claims.ok ? claims.value : null,
        claimsError: claims.ok ? null : problemMessage(page.t, claims.problem),
        payouts: payouts.ok ? payouts.value : null,
        payoutsError: payouts.ok ? null : problemMessage(page.t, payouts.problem),
      }),
    );
  }

  @Get('programs')
  @RequireRoles('sponsor-operator', 'finance', 'admin', 'auditor')
  async programs(
    @Page() page: SignedInContext,
    @Query('programId') programId: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const asked =
      typeof programId === 'string' && PROGRAM_ID.test(programId) ? programId : undefined;
    const program = await this.api.programDashboard(page.accessToken, asked);
    const shown = program.ok ? program.value.programId : null;
    const workers = shown === null ? null : await this.api.programWorkers(page.accessToken, shown);
    sendPage(
      response,
      ProgramsDashboardPageView({
        page,
        program: program.ok ? program.value : null,
        programError: program.ok ? null : problemMessage(page.t, program.problem),
        workers: workers?.ok === true ? workers.value : null,
        workersError:
          workers === null || workers.ok ? null : problemMessage(page.t, workers.problem),
      }),
    );
  }
}
