/**
 * Part 1 — enrollment rows/s: N synthetic NTT workers from one CSV through the real enrollment
 * service's bulk path (HTTP upload as a sponsor operator, the job polled until completed),
 * beside `pg` batched INSERTs of the same rows into a plain table. The service's databases
 * are kept for the replay part (its event store holds one ParticipantRegistered per worker).
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import {
  ServiceRuntime,
  authConfig,
  mintAccessToken,
  type KafkaMessaging,
  connectEventTransport,
} from '@santunan/platform';
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
import { EnrollmentClient } from '../../enrollment/enrollment-client';
import {
  countRows,
  now,
  progress,
  rate,
  ratio,
  sleep,
  until,
  type BenchEnvironment,
  type Cleanup,
  type Rate,
} from '../shared/bench-support';
import { pgBatchedInsert } from '../shared/raw-baselines';

export interface EnrollmentSize {
  readonly rows: number;
  readonly rawBatch: number;
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

async function writeWorkerFile(file: string, rows: number): Promise<number> {
  const out = fs.createWriteStream(file);
  for (const line of [WORKER_CSV_HEADER]) out.write(`${line}\n`);
  for (let i = 0; i < rows; i += 1) {
    if (!out.write(`${workerCsvLine(syntheticWorker(i))}\n`)) await once(out, 'drain');
  }
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(resolve);
  });
  return (await fs.promises.stat(file)).size;
}

export async function runEnrollmentPart(
  environment: BenchEnvironment,
  cleanup: Cleanup,
  messaging: KafkaMessaging,
  size: EnrollmentSize,
): Promise<{ figures: EnrollmentFigures; store: EnrollmentStore }> {
  const { run } = environment;
  // HS256: the bench mints its own tokens and needs no identity provider.
  const benchAuth = authConfig({ secret: randomBytes(32).toString('hex') });
  const config: EnrollmentConfig = {
    service: {
      serviceName: `bench-enrollment-${run}`,
      httpPort: 0,
      databaseUrl: cleanup.database(`bench_e2e_enrol_${run}`),
      keyDatabaseUrl: cleanup.database(`bench_e2e_enrol_keys_${run}`),
      kafkaBrokers: environment.brokers,
      auth: benchAuth,
    },
    eventsTopic: cleanup.topic(`bench.e2e.${run}.enrollment.events`),
    claimsTopic: cleanup.topic(`bench.e2e.${run}.enrollment.claims`),
    lookupKey: DEVELOPMENT_LOOKUP_KEY,
    bulk: DEFAULT_BULK_CONFIG,
  };
  await messaging.ensureTopics([
    { name: config.eventsTopic, partitions: 3 },
    { name: config.claimsTopic, partitions: 3 },
  ]);
  const file = path.join(os.tmpdir(), `bench-e2e-enrollment-${run}.csv`);
  try {
    const fileBytes = await writeWorkerFile(file, size.rows);
    log(`${size.rows} rows in one CSV, ${(fileBytes / 2 ** 20).toFixed(1)} MiB`);
    const app = await NestFactory.create(EnrollmentModule.forRoot(config), {
      logger: ['error', 'warn'],
    });
    let service: Omit<
      EnrollmentFigures,
      'baseline' | 'ratio' | 'rows' | 'fileBytes' | 'batchSize' | 'batchesInFlight'
    >;
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
        throw new Error(`the enrollment job ended ${job.state} with ${job.enrolled} enrolled`);
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
      columns: [
        'nik',
        'full_name',
        'birth_date',
        'sex',
        'address',
        'regency_code',
        'phone',
        'occupation',
        'declared_income',
      ],
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
        batchSize: DEFAULT_BULK_CONFIG.batchSize,
        batchesInFlight: DEFAULT_BULK_CONFIG.batchesInFlight,
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
