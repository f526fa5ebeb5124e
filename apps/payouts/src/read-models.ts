// The payouts read models and the tables each alone writes, for `npm run audit -- replay payouts`.
import { PayoutViewProjection } from './payout-view/payout-view.projection';
import { ReconciliationProjection } from './reconciliation/reconciliation.projection';

export function payoutsReadModels() {
  return {
    readModels: [
      { projection: new PayoutViewProjection(), tables: ['payout_view', 'payout_batches'] },
      {
        projection: new ReconciliationProjection(),
        tables: ['reconciliation_decisions', 'reconciliation_payouts', 'reconciliation_movements'],
      },
    ],
  };
}
