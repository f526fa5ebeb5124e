import type { SqlExecutor } from '@santunan/platform';
import {
  claimsDashboardOf,
  type ClaimsDashboard,
  type DecidedRow,
  type OpenRow,
} from './claims-dashboard';

/**
 * The claims dashboard, counted from the claim-work-queue read model (folded from the claim
 * events) joined at read time with the participants' kabupaten/kota. Overdue depends on today.
 */
export class ClaimsDashboardReader {
  constructor(private readonly database: SqlExecutor) {}

  async dashboard(today: string): Promise<ClaimsDashboard> {
    const open = await this.database.query<OpenRow>(
      `select q.benefit_type, q.status, q.program, q.sla_state,
              (q.sla_state = 'running' and q.sla_due_date < $1) as overdue, count(*) as count
         from claim_work_queue q
        where q.status not in ('approved', 'rejected')
        group by 1, 2, 3, 4, 5`,
      [today],
    );
    const decided = await this.database.query<DecidedRow>(
      `select q.program, q.status,
              substr(case when q.status = 'approved'
                          then q.state->'decision'->'approval'->>'approvedOn'
                          else q.state->'decision'->>'rejectedOn' end, 1, 7) as month,
              p.regency_code,
              (q.state->'decision'->'sla'->>'workingDays')::int as working_days,
              (q.state->'decision'->'approval'->>'approvedOn'
                 <= q.state->'decision'->'sla'->>'dueDate') as by_due_date,
              count(*) as count, sum(q.decided_total) as amount
         from claim_work_queue q
         left join participants p on p.participant_id = q.participant_id
        where q.status in ('approved', 'rejected')
        group by 1, 2, 3, 4, 5, 6`,
    );
    return claimsDashboardOf(today, open, decided);
  }
}
