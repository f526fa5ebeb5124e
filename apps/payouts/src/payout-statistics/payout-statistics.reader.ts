import { Inject, Injectable } from '@nestjs/common';
import { ServiceRuntime, type SqlExecutor } from '@santunan/platform';
import {
  payoutStatisticsOf,
  type CompensationRow,
  type DecisionRow,
  type PaidRow,
  type PayoutStatistics,
} from './payout-statistics';

/** A payout's kabupaten/kota: the decision's, else where the participant lives. */
const REGENCY = `coalesce(v.regency_code, (select r.regency_code from participant_regions r
  where r.participant_id = v.participant_id))`;

/**
 * Payment statistics counted from the payout-view read model (folded from the payout events):
 * each claim decision's benefit payouts against its payment due date, money paid per month
 * and kabupaten/kota, and late-payment compensation.
 */
export class PayoutStatisticsQuery {
  constructor(private readonly database: SqlExecutor) {}

  async statistics(today: string): Promise<PayoutStatistics> {
    const decisions = await this.database.query<DecisionRow>(
      `select program, due_date, all_settled, last_settled_on, count(*) as count
         from (select decision_id, min(program) as program, min(due_date) as due_date,
                      bool_and(status = 'settled') as all_settled,
                      max(settled_on) as last_settled_on
                 from payout_view v
                where kind = 'benefit' and due_date is not null and status <> 'cancelled'
                group by decision_id) decisions
        group by 1, 2, 3, 4`,
    );
    const paid = await this.database.query<PaidRow>(
      `select substr(v.settled_on, 1, 7) as month, ${REGENCY} as regency_code, v.kind,
              count(*) as count, sum(v.amount) as amount
         from payout_view v
        where v.status = 'settled' and v.settled_on is not null
        group by 1, 2, 3`,
    );
    const compensation = await this.database.query<CompensationRow>(
      `select status = 'settled' as settled, count(*) as count, sum(amount) as amount
         from payout_view
        where kind = 'late-payment-compensation' and status <> 'cancelled'
        group by 1`,
    );
    return payoutStatisticsOf(today, decisions, paid, compensation);
  }
}

/** The query on the service's database, for the controller. */
@Injectable()
export class PayoutStatisticsReader {
  private readonly query: PayoutStatisticsQuery;

  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {
    this.query = new PayoutStatisticsQuery(runtime.database);
  }

  statistics(): Promise<PayoutStatistics> {
    return this.query.statistics(this.runtime.clock.today());
  }
}
