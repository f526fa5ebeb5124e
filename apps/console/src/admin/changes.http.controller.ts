import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RequireRoles } from '../auth/page-access';
import { Page, type SignedInContext } from '../web/page-context';
import { sendPage } from '../web/render';
import { AdminChangeLog } from './admin-change-log';
import { ChangesPage } from './changes.page';

const CHANGES_PAGE_SIZE = 50;

/**
 * Who changed whose access, when and from where. Administrators see it, and so do auditors:
 * the record exists so that someone other than the administrators can check them.
 */
@Controller('admin/changes')
@RequireRoles('admin', 'auditor')
export class ChangesController {
  constructor(@Inject(AdminChangeLog) private readonly changes: AdminChangeLog) {}

  @Get()
  async list(
    @Query('before') beforeParam: string | undefined,
    @Page() page: SignedInContext,
    @Res() response: Response,
  ): Promise<void> {
    const before = /^\d{1,15}$/.test(beforeParam ?? '') ? Number(beforeParam) : undefined;
    const [latest, chain] = await Promise.all([
      this.changes.latest({
        limit: CHANGES_PAGE_SIZE,
        ...(before === undefined ? {} : { before }),
      }),
      this.changes.verify(),
    ]);
    sendPage(response, ChangesPage({ page, ...latest, chain, paged: before !== undefined }));
  }
}
