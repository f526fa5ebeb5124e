import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { ServiceRuntime } from '@santunan/platform';
import { eventually } from '@santunan/testing';
import {
  bearer,
  createEnrollmentTestEnvironment,
  http,
  startEnrollmentApp,
  type EnrollmentTestEnvironment,
} from './testing/enrollment-test-app';
import { syntheticWorker, WORKER_CSV_HEADER, workerCsvLine } from './testing/synthetic-workers';
import type { EnrollmentJobStatus } from './bulk-enrollment/enrollment-job.dto';

const WORKERS = 4_000;
const DUPLICATE_EVERY = 40;

/** 4,000 workers, and after every 40th row that row again (100 duplicates inside the file). */
function workerFile(): { csv: string; totalRows: number } {
  const lines = [WORKER_CSV_HEADER];
  for (let i = 0; i < WORKERS; i += 1) {
    lines.push(workerCsvLine(syntheticWorker(i)));
    if ((i + 1) % DUPLICATE_EVERY === 0) lines.push(workerCsvLine(syntheticWorker(i)));
  }
  return { csv: `${lines.join('\n')}\n`, totalRows: lines.length - 1 };
}

describe('a bulk job survives a restart of the service', () => {
  let environment: EnrollmentTestEnvironment;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    environment = await createEnrollmentTestEnvironment('enrol_restart', { batchSize: 100 });
  });

  afterAll(async () => {
    await app?.close();
    await environment?.drop();
  });

  const status = async (jobId: string): Promise<EnrollmentJobStatus> => {
    const response = await http(app!)
      .get(`/enrollment-jobs/${jobId}`)
      .set('Authorization', bearer(environment, ['auditor'], 'audit-1'))
      .expect(200);
    return response.body as EnrollmentJobStatus;
  };

  /** The operator uploads `csv` for NTT's program: the new job's id. */
  const upload = async (running: INestApplication, csv: string): Promise<string> => {
    const accepted = await http(running)
      .post('/sponsor-programs/ntt-2026/enrollment-jobs')
      .set('Authorization', bearer(environment, ['sponsor-operator'], 'ntt-operator'))
      .set('Content-Type', 'text/csv')
      .send(Buffer.from(csv))
      .expect(202);
    return (accepted.body as EnrollmentJobStatus).jobId;
  };

  /** Waits until the job is `rows` rows in: well before its end, for an interruption. */
  const untilRead = (jobId: string, rows: number) =>
    eventually(async () => expect((await status(jobId)).rowsRead).toBeGreaterThanOrEqual(rows), {
      intervalMs: 20,
      timeoutMs: 180_000,
    });

  /** Waits for the job to complete: its status then. */
  const untilCompleted = (jobId: string): Promise<EnrollmentJobStatus> =>
    eventually(
      async () => {
        const job = await status(jobId);
        expect(job.state).toBe('completed');
        return job;
      },
      { timeoutMs: 180_000 },
    );

  const stored = async () => {
    const [row] = await app!.get(ServiceRuntime).database.query<{
      indexed: string;
      registrations: string;
      streams: string;
      problems: string;
    }>(
      `select (select count(*) from participant_nik_index) as indexed,
              (select count(*) from events where type = 'ParticipantRegistered') as registrations,
              (select count(distinct stream_id) from events) as streams,
              (select count(*) from enrollment_job_problems) as problems`,
    );
    return {
      indexed: Number(row?.indexed),
      registrations: Number(row?.registrations),
      streams: Number(row?.streams),
      problems: Number(row?.problems),
    };
  };

  it('stops mid-job, resumes on the next start, and enrols every row exactly once', async () => {
    const { csv, totalRows } = workerFile();
    app = await startEnrollmentApp(environment.config);
    const jobId = await upload(app, csv);

    await untilRead(jobId, 500);
    await app.close();
    app = undefined;

    // Between the two processes: the job is unfinished, and what its counters say it did is
    // exactly what is stored — the cursor moved with the rows it counts.
    const client = new Client({ connectionString: environment.serviceDatabase.url });
    await client.connect();
    const { rows } = await client.query<{
      state: string;
      rows_read: number;
      enrolled: number;
      rejected: number;
      indexed: string;
      problems: string;
    }>(
      `select state, rows_read, enrolled, rejected,
              (select count(*) from participant_nik_index) as indexed,
              (select count(*) from enrollment_job_problems) as problems
         from enrollment_jobs where job_id = $1`,
      [jobId],
    );
    await client.end();
    const between = rows[0]!;
    expect(between.state).toBe('running');
    expect(between.rows_read).toBeLessThan(totalRows);
    expect(Number(between.indexed)).toBe(between.enrolled);
    expect(Number(between.problems)).toBe(between.rejected);
    expect(between.enrolled + between.rejected).toBe(between.rows_read);

    app = await startEnrollmentApp(environment.config);
    const done = await untilCompleted(jobId);
    expect(done).toMatchObject({
      totalRows,
      rowsRead: totalRows,
      enrolled: WORKERS,
      alreadyEnrolled: 0,
      rejected: WORKERS / DUPLICATE_EVERY,
    });
    expect(await stored()).toEqual({
      indexed: WORKERS,
      registrations: WORKERS,
      streams: WORKERS,
      problems: WORKERS / DUPLICATE_EVERY,
    });
  });

  it('loses and doubles nothing when its database connections die mid-batch', async () => {
    const lines = [WORKER_CSV_HEADER];
    for (let i = WORKERS; i < WORKERS + 2_000; i += 1)
      lines.push(workerCsvLine(syntheticWorker(i)));
    app ??= await startEnrollmentApp(environment.config);
    const jobId = await upload(app, `${lines.join('\n')}\n`);
    await untilRead(jobId, 300);
    // As if the server crashed under the service: every open transaction is rolled back.
    const client = new Client({ connectionString: environment.serviceDatabase.url });
    await client.connect();
    await client.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    await client.end();

    const done = await untilCompleted(jobId);
    expect(done).toMatchObject({ rowsRead: 2_000, enrolled: 2_000, rejected: 0 });
    expect(await stored()).toMatchObject({
      indexed: WORKERS + 2_000,
      registrations: WORKERS + 2_000,
    });
  });
});
