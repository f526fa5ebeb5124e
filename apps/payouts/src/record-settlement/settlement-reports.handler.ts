import { EventHandlers, type ConsumedEvent } from '@santunan/platform';
import type { LateBound } from '../payouts/late-bound';
import { SYSTEM_ACTORS } from '../payouts/cause';
import type { PayoutsServices } from '../payouts/payouts-services';
import { SETTLEMENT_REPORTED } from './settlement-report.decoder';
import { SettlementReportDto } from './settlement-report.dto';

/** A report the payout refuses (another batch, another amount, …): for a person, via the DLQ. */
export class SettlementRefusedError extends Error {
  override readonly name = 'SettlementRefusedError';
}

/** `payouts.settlements` → the payout's bank outcome (and compensation when late). */
export function settlementReportHandlers(services: LateBound<PayoutsServices>): EventHandlers {
  return new EventHandlers().on(
    SETTLEMENT_REPORTED,
    SettlementReportDto,
    async (event: ConsumedEvent<SettlementReportDto>, tx) => {
      const { recordSettlement } = await services.get();
      const { schemaVersion: _version, reportedAt: _at, ...report } = event.data;
      const outcome = await recordSettlement.apply(tx, report, {
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
    },
  );
}
