import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { accepted, type EventContext } from '@santunan/platform';
import { SYSTEM_ACTORS } from '../shared/cause';
import { RecordSettlementHandler } from './record-settlement.handler';
import { SETTLEMENT_REPORTED } from './settlement-report.decoder';
import { SettlementReportDto } from './settlement-report.dto';

/** `payouts.settlements` → the payout's bank outcome (and compensation when late). */
@Controller()
export class SettlementReportsKafkaController {
  constructor(@Inject(RecordSettlementHandler) private readonly handler: RecordSettlementHandler) {}

  @EventPattern(SETTLEMENT_REPORTED)
  async settlementReported(
    @Payload() data: SettlementReportDto,
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    const { schemaVersion: _version, reportedAt: _at, ...report } = data;
    const outcome = await this.handler.apply(transaction, report, {
      actor: SYSTEM_ACTORS.settlementReports,
      correlationId: event.metadata.correlationId,
      causationId: event.eventId,
    });
    // A report the payout refuses (another batch, another amount, …): for a person, via the DLQ.
    accepted(outcome, `settlement report ${report.reportId} for payout ${report.payoutId}`);
  }
}
