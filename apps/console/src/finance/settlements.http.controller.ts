import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRoles } from '../auth/page-access';
import { Page, takeForm, type SignedInContext } from '../web/page-context';
import { backToForm, sendPage } from '../web/render';
import { FinanceApi } from './finance.api';
import { financeProblem } from './finance-problems';
import { SettlementsPage } from './finance.pages';
import { settlementEntriesOf, textOf, type SettlementLine } from './settlement-file';
import { settlementUploadOf } from './settlement-upload.middleware';

const UPLOAD_FORM = 'finance-settlements:upload';

function linesOf(kept: string | undefined): SettlementLine[] | null {
  if (kept === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(kept);
    return Array.isArray(parsed) ? (parsed as SettlementLine[]) : null;
  } catch {
    return null;
  }
}

/**
 * The bank's settlement report: uploaded as a file, each report in it handed to the payouts
 * service's settlement endpoint, which decides (settled, failed, returned; idempotent by bank
 * reference, so uploading the same report again changes nothing).
 */
@Controller('finance/settlements')
@RequireRoles('finance')
export class FinanceSettlementsController {
  constructor(@Inject(FinanceApi) private readonly finance: FinanceApi) {}

  @Get()
  form(@Page() page: SignedInContext, @Req() request: Request, @Res() response: Response): void {
    const form = takeForm(request, UPLOAD_FORM);
    sendPage(response, SettlementsPage({ page, form, lines: linesOf(form.values['results']) }));
  }

  @Post()
  async upload(
    @Page() page: SignedInContext,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { t } = page;
    const upload = settlementUploadOf(request);
    const refuse = async (message: string): Promise<void> => {
      await backToForm(
        request,
        response,
        UPLOAD_FORM,
        {
          values: {},
          fieldErrors: { report: [message] },
          formError: null,
        },
        '/finance/settlements',
      );
    };
    if (upload.error === 'tooLarge') return refuse(t('finance.settlements.tooLarge'));
    if (upload.error !== null || upload.file === null) {
      return refuse(t('finance.settlements.noFile'));
    }
    const read = settlementEntriesOf(upload.file.text);
    if (!read.ok) return refuse(t(`finance.settlements.file.${read.problem}`));
    const lines: SettlementLine[] = [];
    // One at a time, in the file's order: a later report of the same payout sees the earlier one.
    for (const entry of read.entries) {
      if (!entry.ok) {
        lines.push({
          entry: entry.entry,
          payoutId: null,
          bankReference: null,
          outcome: null,
          result: 'refused',
          status: null,
          message: t(`finance.settlements.entry.${entry.error}`),
        });
        continue;
      }
      const report = entry.report;
      const described = {
        entry: entry.entry,
        payoutId: textOf(report, 'payoutId'),
        bankReference: textOf(report, 'bankReference'),
        outcome: textOf(report, 'outcome'),
      };
      const result = await this.finance.recordSettlement(page.accessToken, report);
      if (result.ok) {
        lines.push({
          ...described,
          result: result.value.recorded ? 'recorded' : 'repeated',
          status: result.value.status,
          message: null,
        });
        continue;
      }
      const problem = result.problem;
      lines.push({
        ...described,
        result: 'refused',
        status: null,
        message:
          problem.errors.length > 0
            ? t('finance.settlements.invalidFields', {
                fields: [...new Set(problem.errors.map((error) => error.field))].join(', '),
              })
            : financeProblem(t, problem),
      });
    }
    await backToForm(
      request,
      response,
      UPLOAD_FORM,
      {
        values: { results: JSON.stringify(lines) },
        fieldErrors: {},
        formError: null,
      },
      '/finance/settlements#s-results',
    );
  }
}
