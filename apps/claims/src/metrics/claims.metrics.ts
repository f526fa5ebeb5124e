import type { ClaimProgram } from '@santunan/contracts';
import type { ServiceMetrics, ServiceRuntime } from '@santunan/platform';

const PROGRAMS: readonly ClaimProgram[] = ['jkk', 'jkm'];

/** The decision events and the outcome each counts as. */
const DECISION_OUTCOMES: Readonly<Record<string, string>> = {
  ClaimApproved: 'approved',
  ClaimRejected: 'rejected',
  ClaimDecisionSentBack: 'sent-back',
};

/**
 * Claims' business metrics (ADR 0029), read from its read models when Prometheus scrapes:
 * claims by program, benefit and status (the work queue), decisions by outcome (the
 * timeline keeps every decision event) and claims past their SLA due date today (the work
 * queue's own "overdue" rule).
 */
export function claimsMetrics(metrics: ServiceMetrics, runtime: ServiceRuntime): void {
  const { database } = runtime;
  metrics.scrapeTime({
    name: 'santunan_claims',
    help: 'Claims by program, headline benefit and status (work queue).',
    labelNames: ['program', 'benefit_type', 'status'],
    type: 'gauge',
    read: async () =>
      (
        await database.query<{ program: string; benefit_type: string; status: string; n: string }>(
          `select program, benefit_type, status, count(*) as n from claim_work_queue
            group by program, benefit_type, status`,
        )
      ).map(({ n, ...labels }) => ({ labels, value: Number(n) })),
  });
  metrics.scrapeTime({
    name: 'santunan_claim_decisions_total',
    help: 'Claim decisions made, by outcome (approved, rejected, sent back by the checker).',
    labelNames: ['outcome'],
    type: 'counter',
    read: async () => {
      const rows = await database.query<{ event_type: string; n: string }>(
        `select event_type, count(*) as n from claim_timeline
          where event_type = any($1::text[]) group by event_type`,
        [Object.keys(DECISION_OUTCOMES)],
      );
      const counted = new Map(rows.map((row) => [row.event_type, Number(row.n)]));
      return Object.entries(DECISION_OUTCOMES).map(([type, outcome]) => ({
        labels: { outcome },
        value: counted.get(type) ?? 0,
      }));
    },
  });
  metrics.scrapeTime({
    name: 'santunan_claims_sla_overdue',
    help: 'Undecided claims whose SLA clock runs and whose due date has passed (today in Asia/Jakarta).',
    labelNames: ['program'],
    type: 'gauge',
    read: async () => {
      const rows = await database.query<{ program: string; n: string }>(
        `select program, count(*) filter (
                  where sla_state = 'running' and sla_due_date < $1
                    and status not in ('approved', 'rejected')) as n
           from claim_work_queue group by program`,
        [runtime.clock.today()],
      );
      // Both programs always, so "no overdue claim" reads 0 rather than nothing.
      const overdue = new Map<string, number>(PROGRAMS.map((program) => [program, 0]));
      for (const row of rows) overdue.set(row.program, Number(row.n));
      return [...overdue].map(([program, value]) => ({ labels: { program }, value }));
    },
  });
}
