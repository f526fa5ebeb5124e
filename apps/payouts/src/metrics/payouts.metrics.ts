import type { ServiceMetrics, ServiceRuntime } from '@santunan/platform';

/** Every status a payout order can be in (payout_view), reported even when none is. */
const STATUSES = [
  'scheduled',
  'batched',
  'instructed',
  'settled',
  'failed',
  'returned',
  'cancelled',
];

/**
 * Payouts' business metrics (ADR 0029), read from the payout view when Prometheus scrapes:
 * payout orders by program and status (settled, failed, …) and how many times payouts were
 * reissued (each reissue raises an order's attempt by one).
 */
export function payoutsMetrics(metrics: ServiceMetrics, runtime: ServiceRuntime): void {
  const { database } = runtime;
  metrics.scrapeTime({
    name: 'santunan_payouts',
    help: 'Payout orders by program and current status.',
    labelNames: ['program', 'status'],
    type: 'gauge',
    read: async () => {
      const rows = await database.query<{ program: string; status: string; n: string }>(
        'select program, status, count(*) as n from payout_view group by program, status',
      );
      const programs = new Set(['jkk', 'jkm', ...rows.map((row) => row.program)]);
      const counted = new Map(rows.map((row) => [`${row.program}/${row.status}`, Number(row.n)]));
      return [...programs].flatMap((program) =>
        STATUSES.map((status) => ({
          labels: { program, status },
          value: counted.get(`${program}/${status}`) ?? 0,
        })),
      );
    },
  });
  metrics.scrapeTime({
    name: 'santunan_payouts_reissued_total',
    help: 'Payout reissues (to a corrected account after a failure or return).',
    type: 'counter',
    read: async () => {
      const [row] = await database.query<{ n: string | null }>(
        'select sum(attempt - 1) as n from payout_view',
      );
      return [{ value: Number(row?.n ?? 0) }];
    },
  });
}
