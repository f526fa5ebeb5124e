/**
 * Enrollment rows/s: N synthetic NTT workers from one CSV through the real enrollment
 * service's bulk path (HTTP upload as a sponsor operator, the job polled until completed; then
 * until everything is published and the participant view holds every worker), beside `pg`
 * batched INSERTs of the same rows into a plain table. Part 1 of `npm run bench`
 * (`--only enrollment`). The service's databases are kept for the replay part
 * (its event store holds one ParticipantRegistered per worker).
 */
import { WORKER_CSV_COLUMNS } from '@santunan/enrollment-domain';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import {
  DEFAULT_BULK_CONFIG,
  DEVELOPMENT_LOOKUP_KEY,
  EnrollmentModule,
  type EnrollmentConfig,
} from '@santunan/enrollment-service';
import {
  WORKER_CSV_HEADER,
  syntheticWorker,
  workerCsvLine,
} from '@santunan/enrollment-service/testing';
import {
  authConfig,
  connectEventTransport,
  ephemeralEventSigning,
  mintAccessToken,
  ServiceRuntime,
} from '@santunan/platform';
import { EnrollmentClient } from '../../enrollment/enrollment-client';
import {
  countRows,
  n,
  now,
  progress,
  rate,
  ratio,
  sleep,
  until,
  type BenchRun,
  type Rate,
} from '../shared/harness';
import { pgBatchedInsert } from '../shared/raw-baselines';

export interface EnrollmentSize {
  readonly rows: number;
  /** Rows per raw INSERT. */
  readonly rawBatch: number;
  /** Rows per enrolment transaction and such batches at once; the service's defaults if not given. */
  readonly batchSize?: number;
  readonly batchesInFlight?: number;
}

export interface EnrollmentStore {
  readonly config: EnrollmentConfig;
}

export interface EnrollmentFigures {
  readonly rows: number;
  readonly fileBytes: number;
  readonly batchSize: number;
  readonly batchesInFlight: number;
  readonly upload: Rate;
  /** Upload start → job completed: the figure. */
  readonly enrolled: Rate;
  /** Until the outbox is empty: every ParticipantRegistered on Kafka. */
  readonly published: Rate;
  /** Until the participant-view projection holds every worker. */
  readonly searchable: Rate;
  readonly baseline: { readonly pgBatchedInsert: Rate; readonly batch: number };
  readonly ratio: number;
}

const log = (line: string): void => progress('enrollment', line);

/** The raw baseline's table holds the CSV's rows as they are: one column per CSV column. */
const RAW_COLUMNS = WORKER_CSV_COLUMNS;

async function writeWorkerFile(file: string, rows: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  const write = async (line: string): Promise<void> => {
    if (!out.write(`${line}\n`)) await Promise.race([once(out, 'drain'), failed]);
  };
  await write(WORKER_CSV_HEADER);
  for (let i = 0; i < rows; i += 1) await write(workerCsvLine(syntheticWorker(i)));
  await new Promise<void>((resolve) => out.end(resolve));
  return (await fs.promises.stat(file)).size;
}

export async function runEnrollmentPart(
  { environment, resources, messaging }: BenchRun,
  size: EnrollmentSize,
): Promise<{ figures: EnrollmentFigures; store: EnrollmentStore }> {
  // HS256: the bench mints its own tokens and needs no identity provider.
  const benchAuth = authConfig({ secret: randomBytes(32).toString('hex') });
  const bulk = {
    ...DEFAULT_BULK_CONFIG,
    batchSize: size.batchSize ?? DEFAULT_BULK_CONFIG.batchSize,
    batchesInFlight: size.batchesInFlight ?? DEFAULT_BULK_CONFIG.batchesInFlight,
  };
  const config: EnrollmentConfig = {
    service: {
      serviceName: `bench-enrollment-${environment.run}`,
      httpPort: 0,
      databaseUrl: resources.database('enrollment'),
      keyDatabaseUrl: resources.database('enrollment', 'keys'),
      kafkaBrokers: environment.brokers,
      kafkaSasl: environment.sasl,
      // Signs as in production, with a key of this run only.
      ...ephemeralEventSigning(['enrollment'])('enrollment'),
      auth: benchAuth,
    },
    eventsTopic: resources.topic('enrollment', 'events'),
    claimsTopic: resources.topic('enrollment', 'claims'),
    lookupKey: DEVELOPMENT_LOOKUP_KEY,
    bulk,
  };
  await messaging.ensureTopics([
    { name: config.eventsTopic, partitions: 3 },
    { name: config.claimsTopic, partitions: 3 },
  ]);
  const file = path.join(os.tmpdir(), `bench-enrollment-${environment.run}.csv`);
  try {
    const fileBytes = await writeWorkerFile(file, size.rows);
    log(
      `${size.rows} rows in one CSV, ${(fileBytes / 2 ** 20).toFixed(1)} MiB, ` +
        `${bulk.batchSize} rows per transaction, ${bulk.batchesInFlight} in flight`,
    );
    const app = await NestFactory.create(EnrollmentModule.forRoot(config), {
      logger: ['error', 'warn'],
    });
    let service: Pick<EnrollmentFigures, 'upload' | 'enrolled' | 'published' | 'searchable'>;
    try {
      await connectEventTransport(app);
      await app.listen(0, '127.0.0.1');
      const address = (app.getHttpServer() as Server).address() as AddressInfo;
      const token = mintAccessToken(
        { subject: 'bench-operator', roles: ['sponsor-operator'], ttl: '2h' },
        benchAuth,
      );
      const client = new EnrollmentClient({ baseUrl: `http://127.0.0.1:${address.port}`, token });
      const startedAt = now();
      const accepted = await client.upload(file, { programId: 'ntt-2026', fileName: 'ntt.csv' });
      const upload = rate(size.rows, startedAt);
      log(`uploaded in ${upload.seconds} s (job ${accepted.jobId})`);
      let job = accepted;
      let logged = 0;
      while (job.state === 'queued' || job.state === 'running') {
        await sleep(200);
        job = await client.status(accepted.jobId);
        if (job.rowsRead - logged >= Math.max(1_000, size.rows / 10)) {
          logged = job.rowsRead;
          log(`  ${job.rowsRead} rows read (${rate(job.rowsRead, startedAt).perSecond} rows/s)`);
        }
      }
      const enrolled = rate(size.rows, startedAt);
      if (job.state !== 'completed' || job.enrolled !== size.rows) {
        throw new Error(
          `the enrollment job ended ${job.state} with ${job.enrolled} enrolled: ${JSON.stringify(job)}`,
        );
      }
      log(`job completed after ${enrolled.seconds} s: ${enrolled.perSecond} rows/s`);
      await app.get(ServiceRuntime).waitUntilPublished(600_000);
      const published = rate(size.rows, startedAt);
      await until(
        'the participant view',
        async () =>
          (await countRows(
            config.service.databaseUrl,
            'select count(*) as n from participant_view',
          )) >= size.rows
            ? true
            : undefined,
        30 * 60_000,
        250,
      );
      const searchable = rate(size.rows, startedAt);
      log(`published after ${published.seconds} s, searchable after ${searchable.seconds} s`);
      service = { upload, enrolled, published, searchable };
    } finally {
      await app.close();
    }

    log(`raw baseline: ${size.rows} rows through pg, ${size.rawBatch} per INSERT`);
    const raw = await pgBatchedInsert(config.service.databaseUrl, {
      createTable: `create table bench_raw_workers (nik text, full_name text, birth_date date, sex text,
        address text, regency_code text, phone text, occupation text, declared_income bigint)`,
      table: 'bench_raw_workers',
      columns: RAW_COLUMNS,
      rows: size.rows,
      batch: size.rawBatch,
      row: (index) => {
        const w = syntheticWorker(index);
        return [
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
      },
    });
    return {
      figures: {
        rows: size.rows,
        fileBytes,
        batchSize: bulk.batchSize,
        batchesInFlight: bulk.batchesInFlight,
        ...service,
        baseline: { pgBatchedInsert: raw, batch: size.rawBatch },
        ratio: ratio(service.enrolled.perSecond, raw.perSecond),
      },
      store: { config },
    };
  } finally {
    await fs.promises.rm(file, { force: true });
  }
}

/** The figure's line on stdout. */
export function printEnrollment(f: EnrollmentFigures): void {
  console.log(
    `enrollment        ${n(f.enrolled.perSecond)} rows/s (${n(f.rows)} rows in ${f.enrolled.seconds} s; ` +
      `published after ${f.published.seconds} s, searchable after ${f.searchable.seconds} s)` +
      ` | baseline pg batched INSERT ${n(f.baseline.pgBatchedInsert.perSecond)} rows/s | ratio ${f.ratio}`,
  );
}
