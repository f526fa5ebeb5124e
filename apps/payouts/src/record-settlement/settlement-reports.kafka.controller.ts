import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventContext } from '@santunan/platform';
import { SYSTEM_ACTORS } from '../payouts/cause';
import { PAYOUTS_SERVICES } from '../http/services.provider';
import type { PayoutsServices } from '../payouts/payouts-services';
import { SETTLEMENT_REPORTED } from './settlement-report.decoder';
import { SettlementReportDto } from './settlement-report.dto';

/** A report the payout refuses (another batch, another amount, …): for a person, via the DLQ. */
export class SettlementRefusedError extends Error {
  override readonly name = 'SettlementRefusedError';
}

/** `payouts.settlements` → the payout's bank outcome (and compensation when late). */
@Controller()
export class SettlementReportsKafkaController {
  constructor(@Inject(PAYOUTS_SERVICES) private readonly services: PayoutsServices) {}

  @EventPattern(SETTLEMENT_REPORTED)
  async settlementReported(
    @Payload() data: SettlementReportDto,
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    const { schemaVersion: _version, reportedAt: _at, ...report } = data;
    const outcome = await this.services.recordSettlement.apply(transaction, report, {
      actor: SYSTEM_ACTORS.settlementReports,
      correlationId: event.metadata.correlationId,
      causationId: event.eventId,
    });
    if (!outcome.ok) {
      throw new SettlementRefusedError(
        `settlement report ${report.reportId} for payout ${report.payoutId} refused: ` +
          `${outcome.rejection.code}: ${outcome.rejection.message}`,
      );
    }
  }
}
