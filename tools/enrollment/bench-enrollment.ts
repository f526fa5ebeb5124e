/**
 * Bulk enrollment benchmark (a script, not a test): 100,000 CSV rows enrolled end to end
 * through the enrollment service — HTTP upload, checks, NIK index, one event stream per
 * worker with sealed personal data, outbox — beside a raw baseline measured in the same run:
 * the same rows in batched multi-row INSERTs through pg into a plain table. The measurement
 * is the end-to-end benchmark's enrollment part (tools/bench/parts/enrollment-part.ts), with
 * the service's batch settings open to change.
 */
import 'reflect-metadata';
import { printEnrollment, runEnrollmentPart } from '../bench/parts/enrollment-part';
import { runBench } from '../bench/shared/harness';

runBench({
  name: 'enrollment',
  usage: `
npm run bench:enrollment -- [options]

Bulk enrollment rows/s through the enrollment service (upload → job completed) vs pg batched
INSERT of the same rows. DATABASE_URL (a server) / KAFKA_BROKERS, else the local PostgreSQL and
127.0.0.1:9092; creates and drops bench_enrollment_<run> (+ _keys_) and bench.enrollment.<run>.*.
One line of figures on stdout, everything in reports/bench-enrollment.json.`,
  options: {
    rows: {
      type: 'integer',
      env: 'BENCH_ROWS',
      default: 100_000,
      help: 'CSV rows, one worker each',
    },
    batch: {
      type: 'integer',
      env: 'BENCH_BATCH',
      help: "rows per enrolment transaction; the service's default if not given",
    },
    'in-flight': {
      type: 'integer',
      env: 'BENCH_IN_FLIGHT',
      help: "enrolment batches at once; the service's default if not given",
    },
    'raw-batch': {
      type: 'integer',
      env: 'BENCH_RAW_BATCH',
      default: 1_000,
      help: 'rows per raw INSERT',
    },
  },
  async run(bench) {
    const { options, report } = bench;
    const { figures } = await runEnrollmentPart(bench, {
      rows: options.rows,
      rawBatch: options['raw-batch'],
      batchSize: options.batch,
      batchesInFlight: options['in-flight'],
    });
    report['figures'] = figures;
    printEnrollment(figures);
  },
});
