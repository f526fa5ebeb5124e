/**
 * Bulk enrollment benchmark (a script, not a test): 100,000 CSV rows enrolled end to end
 * through the enrollment service — HTTP upload, checks, NIK index, one event stream per
 * worker with sealed personal data, outbox — beside a raw baseline measured in the same run:
 * the same rows in batched multi-row INSERTs through pg into a plain table.
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/enrollment/bench-enrollment.ts
 *
 * Uses DATABASE_URL / KAFKA_BROKERS, or postgres://postgres@127.0.0.1:5432/postgres and
 * 127.0.0.1:9092. Creates and drops its own databases and topics. Writes
 * reports/bench-enrollment.json. Sizes: BENCH_ROWS (100000), BENCH_BATCH (rows per enrolment
 * transaction) and BENCH_IN_FLIGHT (batches at once), both the service's defaults by default,
 * BENCH_RAW_BATCH (1000).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import {
  KafkaMessaging,
  LOCAL_POSTGRES_URL,
  ServiceRuntime,
  authConfig,
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  mintAccessToken,
  mintingConfig,
  connectEventTransport,
} from '@santunan/platform';
import {
  DEFAULT_BULK_CONFIG,
  DEVELOPMENT_LOOKUP_KEY,
  EnrollmentModule,
  type EnrollmentConfig,
} from '@santunan/enrollment-service';
import {
  syntheticWorker,
  WORKER_CSV_HEADER,
  workerCsvLine,
} from '@santunan/enrollment-service/testing';
import { EnrollmentClient, type JobStatus } from './enrollment-client';

const REPORT_FILE = path.resolve(__dirname, '../../reports/bench-enrollment.json');

interface Workload {
  readonly rows: number;
  readonly batchSize: number;
  readonly batchesInFlight: number;
  readonly rawBatch: number;
}

interface Measured {
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
}

function size(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

function measured(rows: number, startedAt: number, endedAt = performance.now()): Measured {
  const seconds = (endedAt - startedAt) / 1000;
  return { rows, seconds: Number(seconds.toFixed(3)), rowsPerSecond: Math.round(rows / seconds) };
}

function log(line: string): void {
  process.stdout.write(`[bench:enrollment] ${line}\n`);
}

async function writeWorkerFile(file: string, rows: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  const write = (text: string): Promise<void> | undefined =>
    out.write(text) ? undefined : Promise.race([once(out, 'drain').then(() => undefined), failed]);
  await write(`${WORKER_CSV_HEADER}\n`);
  for (let i = 0; i < rows; i += 1) await write(`${workerCsvLine(syntheticWorker(i))}\n`);
  await new Promise<void>((resolve) => out.end(resolve));
  return (await fs.promises.stat(file)).size;
}

async function startService(
  config: EnrollmentConfig,
): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(EnrollmentModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  await connectEventTransport(app);
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as Server).address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${address.port}` };
}

async function countRows(client: Client, sql: string): Promise<number> {
  const { rows } = await client.query<{ count: string }>(sql);
  return Number(rows[0]?.count);
}

/** Upload → job completed: what a sponsor waits for. Then: until published, until searchable. */
async function enrolThroughService(
  config: EnrollmentConfig,
  file: string,
  workload: Workload,
): Promise<{
  job: JobStatus;
  upload: Measured;
  enrolled: Measured;
  published: Measured;
  projected: Measured;
}> {
  const { app, url } = await startService(config);
  const db = new Client({ connectionString: config.service.databaseUrl });
  await db.connect();
  try {
    const token = mintAccessToken(
      { subject: 'bench-operator', roles: ['sponsor-operator'], ttl: '1h' },
      mintingConfig(config.service.auth),
    );
    const client = new EnrollmentClient({ baseUrl: url, token });
    const startedAt = performance.now();
    const accepted = await client.upload(file, { programId: 'ntt-2026', fileName: 'bench.csv' });
    const upload = measured(workload.rows, startedAt);
    log(`uploaded in ${upload.seconds} s; job ${accepted.jobId}`);
    let job = accepted;
    let lastLogged = 0;
    while (job.state === 'queued' || job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = await client.status(accepted.jobId);
      if (job.rowsRead - lastLogged >= 10_000) {
        lastLogged = job.rowsRead;
        log(
          `  ${job.rowsRead} rows (${Math.round(job.rowsRead / ((performance.now() - startedAt) / 1000))} rows/s)`,
        );
      }
    }
    const enrolled = measured(workload.rows, startedAt);
    log(`job ${job.state} after ${enrolled.seconds} s: ${enrolled.rowsPerSecond} rows/s`);
    if (job.state !== 'completed' || job.enrolled !== workload.rows) {
      throw new Error(
        `the job ended ${job.state} with ${job.enrolled} enrolled: ${JSON.stringify(job)}`,
      );
    }
    const runtime = app.get(ServiceRuntime);
    await runtime.waitUntilPublished(600_000);
    const published = measured(workload.rows, startedAt);
    const projectionDeadline = performance.now() + 15 * 60_000;
    while ((await countRows(db, 'select count(*) from participant_view')) < workload.rows) {
      if (performance.now() > projectionDeadline)
        throw new Error('the read model did not catch up in 15 minutes');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const projected = measured(workload.rows, startedAt);
    return { job, upload, enrolled, published, projected };
  } finally {
    await db.end();
    await app.close();
  }
}

/** The same rows, one multi-row INSERT per transaction, into a table with no constraints. */
async function insertRaw(url: string, workload: Workload): Promise<Measured> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table raw_workers (
      nik text, full_name text, birth_date date, sex text, address text, regency_code text,
      phone text, occupation text, declared_income bigint)`);
    const startedAt = performance.now();
    for (let first = 0; first < workload.rows; first += workload.rawBatch) {
      const parameters: unknown[] = [];
      const tuples: string[] = [];
      for (let i = first; i < Math.min(first + workload.rawBatch, workload.rows); i += 1) {
        const w = syntheticWorker(i);
        const values = [
          w.nik,
          w.fullName,
          w.birthDate,
          w.sex,
          w.address,
          w.regencyCode,
          w.phone,
          w.occupation,
          w.declaredIncome,
        ];
        tuples.push(`(${values.map((value) => `$${parameters.push(value)}`).join(', ')})`);
      }
      await client.query('begin');
      await client.query(
        `insert into raw_workers (nik, full_name, birth_date, sex, address, regency_code, phone, occupation,
           declared_income) values ${tuples.join(', ')}`,
        parameters,
      );
      await client.query('commit');
    }
    return measured(workload.rows, startedAt);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const workload: Workload = {
    rows: size('BENCH_ROWS', 100_000),
    batchSize: size('BENCH_BATCH', DEFAULT_BULK_CONFIG.batchSize),
    batchesInFlight: size('BENCH_IN_FLIGHT', DEFAULT_BULK_CONFIG.batchesInFlight),
    rawBatch: size('BENCH_RAW_BATCH', 1_000),
  };
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const server = process.env['DATABASE_URL'] || LOCAL_POSTGRES_URL;
  const brokers = (process.env['KAFKA_BROKERS'] || '127.0.0.1:9092').split(',');
  const serviceDatabase = `bench_enrollment_${run}`;
  const keyDatabase = `bench_enrollment_keys_${run}`;
  // HS256: the bench mints its own tokens and needs no identity provider.
  const benchAuth = authConfig({ secret: randomBytes(32).toString('hex') });
  const config: EnrollmentConfig = {
    service: {
      serviceName: `bench-enrollment-${run}`,
      httpPort: 0,
      databaseUrl: databaseUrl(server, serviceDatabase),
      keyDatabaseUrl: databaseUrl(server, keyDatabase),
      kafkaBrokers: brokers,
      auth: benchAuth,
    },
    eventsTopic: `bench.enrollment.${run}.events`,
    claimsTopic: `bench.enrollment.${run}.claims`,
    lookupKey: DEVELOPMENT_LOOKUP_KEY,
    bulk: {
      ...DEFAULT_BULK_CONFIG,
      batchSize: workload.batchSize,
      batchesInFlight: workload.batchesInFlight,
    },
  };
  const file = path.join(os.tmpdir(), `bench-enrollment-${run}.csv`);
  const messaging = new KafkaMessaging({
    brokers,
    clientId: 'bench-enrollment',
    logLevel: 'nothing',
  });
  for (const database of [serviceDatabase, keyDatabase]) await ensureDatabase(server, database);
  try {
    const bytes = await writeWorkerFile(file, workload.rows);
    log(
      `${workload.rows} rows, ${(bytes / 1024 / 1024).toFixed(1)} MiB, ` +
        `${workload.batchSize} rows per transaction, ${workload.batchesInFlight} in flight`,
    );
    const ours = await enrolThroughService(config, file, workload);
    log(`enrolled: ${ours.enrolled.rowsPerSecond} rows/s (${ours.enrolled.seconds} s)`);
    const raw = await insertRaw(config.service.databaseUrl, workload);
    log(`raw INSERT: ${raw.rowsPerSecond} rows/s (${raw.seconds} s)`);
    const ratio = Number((ours.enrolled.rowsPerSecond / raw.rowsPerSecond).toFixed(4));
    const report = {
      benchmark: 'enrollment-bulk',
      measuredAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
        node: process.version,
        loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
      },
      workload: { ...workload, fileBytes: bytes },
      service: {
        uploadAccepted: ours.upload,
        enrolled: ours.enrolled,
        publishedToKafka: ours.published,
        searchable: ours.projected,
        job: ours.job,
      },
      rawInsert: raw,
      ratio,
    };
    await fs.promises.mkdir(path.dirname(REPORT_FILE), { recursive: true });
    await fs.promises.writeFile(REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`);
    log(
      `ours ${ours.enrolled.rowsPerSecond} rows/s vs raw ${raw.rowsPerSecond} rows/s: ratio ${ratio}; ` +
        `all published after ${ours.published.seconds} s, searchable after ${ours.projected.seconds} s`,
    );
    log(`report: ${path.relative(process.cwd(), REPORT_FILE)}`);
  } finally {
    await fs.promises.rm(file, { force: true });
    await messaging
      .deleteTopics([
        config.eventsTopic,
        `${config.eventsTopic}.dlq`,
        config.claimsTopic,
        `${config.claimsTopic}.dlq`,
      ])
      .catch((error: unknown) => log(`could not delete topics: ${String(error)}`));
    for (const database of [serviceDatabase, keyDatabase]) await dropDatabase(server, database);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
