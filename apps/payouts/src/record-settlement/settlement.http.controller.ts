import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import {
  accepted,
  ApiProblems,
  ApiTag,
  Roles,
  RequestCause,
  type CommandCause,
} from '@santunan/platform';
import { RecordSettlementHandler } from './record-settlement.handler';
import { SettlementReportDto } from './settlement-report.dto';

export class SettlementRecordedResponse {
  @ApiProperty({ format: 'uuid' }) payoutId!: string;
  @ApiProperty({
    description: 'False when this bank reference was already recorded: nothing changed.',
  })
  recorded!: boolean;
  @ApiProperty({ example: 'settled' }) status!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The compensation payout, when settled late.',
  })
  compensationPayoutId!: string | null;
}

@ApiTag('settlements', 'The bank’s outcome of a payout, as on the payouts.settlements topic.')
@Controller('payout-settlements')
export class SettlementController {
  constructor(@Inject(RecordSettlementHandler) private readonly handler: RecordSettlementHandler) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Roles('finance')
  @ApiOperation({
    summary: 'Record a bank outcome (settled, failed, returned) for a payout',
    description:
      'The same SettlementReport as on the payouts.settlements topic. Idempotent by bank reference. ' +
      'A benefit settled after its SLA due date gets a late-payment compensation payout.',
  })
  @ApiOkResponse({ type: SettlementRecordedResponse })
  @ApiProblems({
    404: 'PAYOUT_NOT_FOUND',
    409: [
      'PAYOUT_NOT_INSTRUCTED',
      'PAYOUT_NOT_SETTLED',
      'SETTLEMENT_BATCH_MISMATCH',
      'BANK_REFERENCE_CONFLICT',
    ],
    422: ['SETTLEMENT_AMOUNT_MISMATCH', 'SETTLEMENT_INVALID'],
  })
  async record(
    @Body() body: SettlementReportDto,
    @RequestCause() cause: CommandCause,
  ): Promise<SettlementRecordedResponse> {
    const { schemaVersion: _version, reportedAt: _at, ...report } = body;
    const outcome = await this.handler.record(report, { ...cause, causationId: null });
    const { ok: _ok, ...recorded } = accepted(outcome);
    return recorded;
  }
}
