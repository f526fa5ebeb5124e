/**
 * Contributions benchmark (a script, not a test): the NTT case at scale through the service's
 * own code — a sponsor program, N sponsored workers, and for each of 12 months the statement,
 * the bill of every worker, the sponsor's payment and its fan-out to every account — with the
 * outbox relay publishing to Kafka, a downstream Kafka consumer counting what arrives, and the
 * coverage projection catching up, beside raw Kafka and `pg` baselines of the same size. The
 * measurement is the end-to-end benchmark's contributions part
 * (tools/bench/parts/contributions-part.ts) at the NTT's size, every account's fold cached,
 * plus the program stream's cache probe.
 */
import 'reflect-metadata';
import { printContributions, runContributionsPart } from '../bench/parts/contributions-part';
import { runBench } from '../bench/shared/harness';

runBench({
  name: 'contributions',
  usage: `
npm run bench:contributions -- [options]

Contribution events/s through outbox → Kafka → a downstream consumer for a sponsor program
billed and paid month by month, vs kafkajs batched produce+consume and pg INSERT(+read) of the
same messages. DATABASE_URL (a server) / KAFKA_BROKERS, else the local PostgreSQL and
127.0.0.1:9092; creates and drops bench_contrib_<run> (+ _keys_) and bench.contributions.<run>.*.
Figures on stdout, everything in reports/bench-contributions.json.`,
  options: {
    workers: { type: 'integer', default: 50_000, help: 'sponsored workers' },
    months: { type: 'integer', default: 12, max: 12, help: 'months billed and paid' },
    batch: { type: 'integer', default: 200, help: 'accounts per transaction' },
    concurrency: { type: 'integer', default: 2, help: 'transactions in flight' },
  },
  async run(bench) {
    const { options, report } = bench;
    const { figures } = await runContributionsPart(bench, {
      ...options,
      // Every account's fold in memory on both sides: a monthly run touches each in turn.
      cachedAccounts: options.workers + 100,
      programCacheProbe: true,
    });
    report['figures'] = figures;
    printContributions(figures);
  },
});
