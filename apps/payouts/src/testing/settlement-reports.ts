import { randomUUID } from 'node:crypto';
import { PayoutsSchemaValidator, type SettlementReport } from '@santunan/contracts';
import type { MessagePublisher } from '@santunan/platform';

const validator = new PayoutsSchemaValidator();

export function settlementReport(
  fields: Pick<SettlementReport, 'payoutId' | 'batchId' | 'amount'> & Partial<SettlementReport>,
): SettlementReport {
  const report: SettlementReport = {
    schemaVersion: 1,
    reportId: `report-${randomUUID()}`,
    outcome: 'settled',
    bankReference: `BRI-TRX-${randomUUID()}`,
    valueDate: '2026-03-20',
    reasonCode: null,
    reason: null,
    reportedAt: '2026-03-20T10:15:00+07:00',
    ...fields,
  };
  // What the tests send must be what the contract allows.
  const check = validator.checkSettlementReport(report);
  if (!check.valid)
    throw new Error(`test report breaks the published schema: ${check.errors.join('; ')}`);
  return report;
}

/** As the finance system does: plain JSON on payouts.settlements, keyed by payout id. */
export async function reportSettlement(
  publisher: MessagePublisher,
  topic: string,
  report: SettlementReport | { value: string; key: string },
): Promise<void> {
  const message =
    'value' in report
      ? report
      : {
          key: report.payoutId,
          value: JSON.stringify(report),
          headers: { 'content-type': 'application/json' },
        };
  await publisher.publish(topic, [message]);
}
