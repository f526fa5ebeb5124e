import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import type { DailyReport, DecisionCheckReport } from '@santunan/payouts-domain';
import { ApiTag, Roles } from '@santunan/platform';
import { Matches } from 'class-validator';
import { DailyReportResponse, DecisionCheckReportResponse } from './reconciliation.dto';
import { ReconciliationReader } from './reconciliation.reader';

export class DailyReportQuery {
  @ApiProperty({ example: '2026-03-25', description: 'The business date (Asia/Jakarta).' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date!: string;
}

@ApiTag('reconciliation', 'Daily movements and settled amounts checked against decisions.')
@Controller('reconciliation')
export class ReconciliationController {
  constructor(
    @Inject(ReconciliationReader) private readonly reconciliation: ReconciliationReader,
  ) {}

  @Get('daily')
  @Roles('finance', 'auditor')
  @ApiOperation({
    summary: 'One day’s payouts per program and kabupaten/kota',
    description:
      'Count and whole-rupiah amount scheduled, instructed, settled, failed, returned and cancelled ' +
      'that day, per program (JKK, JKM, scholarship), payout kind, kabupaten/kota and sponsor program. ' +
      'The regency is the decision’s when it carries one, else the participant’s registration; ' +
      'otherwise "unknown" (counted in unknownRegencyMovements).',
  })
  @ApiOkResponse({ type: DailyReportResponse, description: 'The daily report.' })
  daily(@Query() query: DailyReportQuery): Promise<DailyReport> {
    return this.reconciliation.daily(query.date);
  }

  @Get('decisions')
  @Roles('finance', 'auditor')
  @ApiOperation({
    summary: 'Settled payouts against the decided amount, for every decision in force',
    description:
      'Each decision (with those it superseded) is settled-in-full, in-progress, short or over; ' +
      'short and over are listed under mismatches. Late-payment compensation is outside the decided amount.',
  })
  @ApiOkResponse({
    type: DecisionCheckReportResponse,
    description: 'The check, mismatches listed.',
  })
  decisions(): Promise<DecisionCheckReport> {
    return this.reconciliation.decisions();
  }
}
