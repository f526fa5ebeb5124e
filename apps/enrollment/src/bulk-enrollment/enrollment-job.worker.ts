import { Readable, pipeline } from 'node:stream';
import {
  isDatabaseUnavailable,
  type PlatformDatabase,
  type PlatformLogger,
} from '@santunan/platform';
import type { BulkEnrollmentConfig } from '../config/enrollment-config';
import type { BatchEnroller } from './batch-enroller';
import { createCsvParser, recordBatches } from './csv-records';
import type { EnrollmentJob, EnrollmentJobStore } from './enrollment-job.store';
import { tryLockJob } from './job-lock';

/** An upload idle this long was cut off with its request: nobody will finish it. */
const ABANDONED_UPLOAD_SECONDS = 15 * 60;
const FAILURE_BACKOFF_MS = 2_000;
/** A job that fails this many times in a row (database outages aside) is marked failed. */
const MAX_CONSECUTIVE_FAILURES = 5;

type WorkerState = 'idle' | 'running' | 'stopping' | 'stopped';

function isCsvParseError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('CSV_');
}

/**
 * Runs queued bulk jobs one after the other, and on start resumes the ones a stopped process
 * left running. A job's rows are re-read from its stored file from the start, skipping the
 * rows its cursor says are done: the cursor moves in the transaction that enrols the rows,
 * so nothing is lost or enrolled twice. Stopping finishes the batch at hand and leaves the
 * job `running` for the next start.
 */
export class EnrollmentJobWorker {
  private state: WorkerState = 'idle';
  private loop: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly database: PlatformDatabase,
    private readonly jobs: EnrollmentJobStore,
    private readonly enroller: BatchEnroller,
    private readonly config: BulkEnrollmentConfig,
    private readonly logger: PlatformLogger,
  ) {}

  start(): void {
    if (this.state !== 'idle') throw new Error('the enrollment job worker was already started');
    this.state = 'running';
    this.loop = this.run();
  }

  /** A job was queued: look now rather than at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopping';
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    await this.abandonStaleUploads();
    while (this.state === 'running') {
      let pause = this.config.idlePollMs;
      try {
        if (await this.runNextJob()) pause = 0;
      } catch (error) {
        this.logger.error(`a job run failed, retrying later: ${describe(error)}`);
        pause = FAILURE_BACKOFF_MS;
      }
      if (pause > 0 && this.state === 'running') await this.sleep(pause);
    }
    this.state = 'stopped';
  }

  private async abandonStaleUploads(): Promise<void> {
    try {
      const abandoned = await this.jobs.abandonStaleUploads(ABANDONED_UPLOAD_SECONDS);
      if (abandoned > 0) this.logger.warn(`${abandoned} interrupted upload(s) marked failed`);
    } catch (error) {
      this.logger.warn(`could not look for interrupted uploads: ${describe(error)}`);
    }
  }

  private async runNextJob(): Promise<boolean> {
    for (const candidate of await this.jobs.runnable()) {
      const lock = await tryLockJob(this.database, candidate.jobId);
      if (lock === undefined) continue; // another replica runs it
      try {
        // Read again under the lock: the cursor may have moved since the list was taken.
        const job = await this.jobs.find(candidate.jobId);
        if (job !== undefined && (job.state === 'queued' || job.state === 'running')) {
          await this.processCountingFailures(job);
        }
      } finally {
        await lock.release();
      }
      return true;
    }
    return false;
  }

  /** Retries a failing job later, but not for ever: it would hold up every job behind it. */
  private async processCountingFailures(job: EnrollmentJob): Promise<void> {
    try {
      await this.process(job);
      this.failures.delete(job.jobId);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      const failures = (this.failures.get(job.jobId) ?? 0) + 1;
      this.failures.set(job.jobId, failures);
      if (failures < MAX_CONSECUTIVE_FAILURES) throw error;
      this.failures.delete(job.jobId);
      this.logger.error(
        `job ${job.jobId}: failed ${failures} times, giving up: ${describe(error)}`,
      );
      // The status is for the sponsor: the cause stays in the log.
      await this.jobs.markFailed(
        job.jobId,
        'the job failed repeatedly on an internal error; rows before the failure are enrolled, upload the file again to finish',
      );
    }
  }

  private async process(job: EnrollmentJob): Promise<void> {
    await this.jobs.markRunning(job.jobId);
    if (job.rowsRead > 0) this.logger.info(`job ${job.jobId}: resuming after row ${job.rowsRead}`);
    const seen = await this.jobs.seenNiks(job.jobId);
    const parser = createCsvParser();
    // pipeline, not pipe: a failed chunk read must reach the parser, not leave it waiting.
    pipeline(Readable.from(this.jobs.file(job.jobId)), parser, () => undefined);
    const inFlight: Promise<void>[] = [];
    let previous: Promise<void> = Promise.resolve();
    try {
      for await (const { header, records } of recordBatches(
        parser,
        job.rowsRead,
        this.config.batchSize,
      )) {
        const batch = this.enroller.enrol(job, header, records, seen, previous);
        batch.catch(() => undefined); // awaited below, in order
        inFlight.push(batch);
        previous = batch;
        while (inFlight.length >= this.config.batchesInFlight) await inFlight.shift();
        if (this.state !== 'running') {
          parser.destroy();
          await Promise.all(inFlight.splice(0));
          this.logger.info(`job ${job.jobId}: paused for shutdown, resumes on the next start`);
          return;
        }
      }
      await Promise.all(inFlight.splice(0));
    } catch (error) {
      // Later batches wait for earlier ones; let them all end before the job is retried.
      await Promise.allSettled(inFlight.splice(0));
      // The upload was checked; a file that no longer parses is not worth retrying.
      if (!isCsvParseError(error)) throw error;
      this.logger.error(`job ${job.jobId}: stored file unreadable: ${describe(error)}`);
      await this.jobs.markFailed(job.jobId, 'the stored file could not be read; upload it again');
      return;
    }
    await this.jobs.markCompleted(job.jobId);
    this.logger.info(`job ${job.jobId}: completed`);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.wakeUp === done) this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
