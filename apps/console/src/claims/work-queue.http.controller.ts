import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RequireRoles } from '../auth/page-access';
import { PeopleDirectory, type PeopleNames } from '../people/people-directory';
import { ClaimsApi, type WorkQueuePage, type WorkQueueQuery } from '../services/claims.api';
import type { ServiceResult } from '../services/service-client';
import { Page, type SignedInContext } from '../web/page-context';
import { problemMessage } from '../web/problem-messages';
import { sendPage } from '../web/render';
import { queueFiltersOf, workQueueQueryOf } from './queue-filters';
import { ProposalsPageView, WorkQueuePageView } from './work-queue.page';

function countOf(result: ServiceResult<{ total: number }>): number | null {
  return result.ok ? result.value.total : null;
}

/** The claims office's work queue, and the checker's queue of proposals. */
@Controller()
@RequireRoles('claims-officer', 'claims-supervisor')
export class WorkQueueController {
  constructor(
    @Inject(ClaimsApi) private readonly claims: ClaimsApi,
    @Inject(PeopleDirectory) private readonly people: PeopleDirectory,
  ) {}

  @Get('claims')
  async queue(
    @Page() page: SignedInContext,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const filters = queueFiltersOf(query);
    const base = workQueueQueryOf(filters);
    // The counts keep the other filters and ask for one row: the service counts, not the page.
    const count = (change: Partial<WorkQueueQuery>) =>
      this.claims.workQueue(page.accessToken, { ...base, ...change, limit: 1, offset: 0 });
    const [result, overdue, dueSoon, awaitingChecker] = await Promise.all([
      this.claims.workQueue(page.accessToken, base),
      count({ sla: 'overdue' }),
      count({ sla: 'due-soon' }),
      count({ status: 'awaiting-checker' }),
    ]);
    const people = await this.proposersOf(result);
    sendPage(
      response,
      WorkQueuePageView({
        page,
        filters,
        result: result.ok ? result.value : null,
        counts: {
          overdue: countOf(overdue),
          dueSoon: countOf(dueSoon),
          awaitingChecker: countOf(awaitingChecker),
        },
        error: result.ok ? null : problemMessage(page.t, result.problem),
        people,
      }),
    );
  }

  @Get('proposals')
  @RequireRoles('claims-supervisor')
  async proposals(@Page() page: SignedInContext, @Res() response: Response): Promise<void> {
    const result = await this.claims.workQueue(page.accessToken, {
      status: 'awaiting-checker',
      sort: 'due-date',
      limit: 200,
    });
    const people = await this.proposersOf(result);
    sendPage(
      response,
      ProposalsPageView({
        page,
        result: result.ok ? result.value : null,
        error: result.ok ? null : problemMessage(page.t, result.problem),
        people,
      }),
    );
  }

  private proposersOf(result: ServiceResult<WorkQueuePage>): Promise<PeopleNames> {
    return this.people.namesOf(result.ok ? result.value.items.map((item) => item.proposedBy) : []);
  }
}
