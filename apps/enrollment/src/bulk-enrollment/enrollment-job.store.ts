import type { RowProblem } from '@santunan/enrollment-domain';
import type { Actor, PlatformDatabase, SqlExecutor } from '@santunan/platform';
import { NikAlreadyIndexedError } from '../shared/nik-index';

export type JobState = 'receiving' | 'queued' | 'running' | 'completed' | 'failed';

export interface EnrollmentJob {
  readonly jobId: string;
  readonly programId: string;
  readonly uploadedBy: Actor;
  readonly correlationId: string;
  readonly fileName: string | null;
  readonly incomeEffectiveFrom: string;
  readonly state: JobState;
  readonly totalRows: number | null;
  readonly fileBytes: number;
  readonly fileSha256: string | null;
  /** The cursor: data rows dealt with, in file order. Moves in the transaction that enrols them. */
  readonly rowsRead: number;
  readonly enrolled: number;
  readonly alreadyEnrolled: number;
  readonly rejected: number;
  readonly failure: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export interface NewJob {
  readonly jobId: string;
  readonly programId: string;
  readonly uploadedBy: Actor;
  readonly correlationId: string;
  readonly fileName: string | null;
  readonly incomeEffectiveFrom: string;
}

/** What one batch of rows did, committed with the batch's events. */
export interface BatchProgress {
  readonly cursorBefore: number;
  readonly cursorAfter: number;
  readonly enrolled: number;
  readonly alreadyEnrolled: number;
  readonly rejected: number;
  readonly problems: readonly RowProblem[];
  /** Keyed hashes (hex) of the NIKs first seen in this batch, with their rows. */
  readonly niks: readonly { readonly nikHashHex: string; readonly rowNumber: number }[];
}

export interface StoredRowProblem extends RowProblem {
  readonly seq: number;
}

/** Someone else moved the job's cursor: this worker no longer owns the job. */
export class JobCursorMovedError extends Error {
  override readonly name = 'JobCursorMovedError';
}

interface JobRow {
  job_id: string;
  program_id: string;
  uploaded_by: Actor;
  correlation_id: string;
  file_name: string | null;
  income_effective_from: string;
  state: JobState;
  total_rows: number | null;
  file_bytes: string;
  file_sha256: string | null;
  rows_read: number;
  enrolled: number;
  already_enrolled: number;
  rejected: number;
  failure: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

function toJob(row: JobRow): EnrollmentJob {
  return {
    jobId: row.job_id,
    programId: row.program_id,
    uploadedBy: row.uploaded_by,
    correlationId: row.correlation_id,
    fileName: row.file_name,
    incomeEffectiveFrom: row.income_effective_from,
    state: row.state,
    totalRows: row.total_rows,
    fileBytes: Number(row.file_bytes),
    fileSha256: row.file_sha256,
    rowsRead: row.rows_read,
    enrolled: row.enrolled,
    alreadyEnrolled: row.already_enrolled,
    rejected: row.rejected,
    failure: row.failure,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/**
 * Bulk jobs in the service database: the job row (state, cursor, counters), the uploaded file
 * in chunks (so any replica can resume it after a restart), per-row problems, and the NIKs
 * seen so far (keyed hashes) for duplicates inside a file.
 */
export class EnrollmentJobStore {
  constructor(private readonly database: PlatformDatabase) {}

  async createReceiving(job: NewJob): Promise<void> {
    await this.database.query(
      `insert into enrollment_jobs (job_id, program_id, uploaded_by, correlation_id, file_name,
          income_effective_from, state)
       values ($1, $2, $3, $4, $5, $6, 'receiving')`,
      [
        job.jobId,
        job.programId,
        JSON.stringify(job.uploadedBy),
        job.correlationId,
        job.fileName,
        job.incomeEffectiveFrom,
      ],
    );
  }

  async appendChunk(jobId: string, chunkNo: number, bytes: Buffer): Promise<void> {
    await this.database.transaction(async (tx) => {
      await tx.query(
        'insert into enrollment_job_file_chunks (job_id, chunk_no, bytes) values ($1, $2, $3)',
        [jobId, chunkNo, bytes],
      );
      await tx.query(
        `update enrollment_jobs set file_bytes = file_bytes + $2, updated_at = now() where job_id = $1`,
        [jobId, bytes.length],
      );
    });
  }

  async markQueued(jobId: string, totalRows: number, sha256: string): Promise<void> {
    await this.database.query(
      `update enrollment_jobs set state = 'queued', total_rows = $2, file_sha256 = $3, updated_at = now()
        where job_id = $1 and state = 'receiving'`,
      [jobId, totalRows, sha256],
    );
  }

  /** A refused upload leaves nothing behind. */
  async discard(jobId: string): Promise<void> {
    await this.database.query('delete from enrollment_jobs where job_id = $1', [jobId]);
  }

  async find(jobId: string): Promise<EnrollmentJob | undefined> {
    const [row] = await this.database.query<JobRow>(
      'select * from enrollment_jobs where job_id = $1',
      [jobId],
    );
    return row === undefined ? undefined : toJob(row);
  }

  /**
   * A program's jobs, newest first (those still receiving their file left out); only those
   * `uploadedById` uploaded when given. Few per program (one per uploaded file), so no index.
   */
  async listForProgram(
    programId: string,
    uploadedById: string | null,
    limit: number,
  ): Promise<EnrollmentJob[]> {
    const rows = await this.database.query<JobRow>(
      `select * from enrollment_jobs
        where program_id = $1 and state <> 'receiving'
          and ($2::text is null or uploaded_by ->> 'id' = $2)
        order by created_at desc, job_id desc
        limit $3`,
      [programId, uploadedById, limit],
    );
    return rows.map(toJob);
  }

  /** Queued and interrupted jobs, oldest first. */
  async runnable(): Promise<EnrollmentJob[]> {
    const rows = await this.database.query<JobRow>(
      `select * from enrollment_jobs where state in ('queued', 'running') order by created_at, job_id`,
    );
    return rows.map(toJob);
  }

  async markRunning(jobId: string): Promise<void> {
    await this.database.query(
      `update enrollment_jobs set state = 'running', started_at = coalesce(started_at, now()),
          updated_at = now()
        where job_id = $1 and state in ('queued', 'running')`,
      [jobId],
    );
  }

  /** Done: the file (NIKs and names in clear) is deleted; the events keep what was enrolled. */
  async markCompleted(jobId: string): Promise<void> {
    await this.database.transaction(async (tx) => {
      await tx.query(
        `update enrollment_jobs set state = 'completed', finished_at = now(), updated_at = now()
          where job_id = $1`,
        [jobId],
      );
      await tx.query('delete from enrollment_job_file_chunks where job_id = $1', [jobId]);
    });
  }

  async markFailed(jobId: string, failure: string): Promise<void> {
    await this.database.transaction(async (tx) => {
      await tx.query(
        `update enrollment_jobs set state = 'failed', failure = $2, finished_at = now(), updated_at = now()
          where job_id = $1`,
        [jobId, failure],
      );
      await tx.query('delete from enrollment_job_file_chunks where job_id = $1', [jobId]);
    });
  }

  /** Uploads whose request died with a process: they cannot be resumed, the client must retry. */
  async abandonStaleUploads(idleSeconds: number): Promise<number> {
    const rows = await this.database.query<{ job_id: string }>(
      `with abandoned as (
         update enrollment_jobs set state = 'failed',
             failure = 'the upload was interrupted; upload the file again',
             finished_at = now(), updated_at = now()
          where state = 'receiving' and updated_at < now() - make_interval(secs => $1)
          returning job_id)
       select job_id from abandoned`,
      [idleSeconds],
    );
    for (const { job_id } of rows) {
      await this.database.query('delete from enrollment_job_file_chunks where job_id = $1', [
        job_id,
      ]);
    }
    return rows.length;
  }

  /** The uploaded file, chunk by chunk, never whole in memory. */
  async *file(jobId: string): AsyncGenerator<Buffer> {
    for (let chunkNo = 0; ; chunkNo += 1) {
      const [chunk] = await this.database.query<{ bytes: Buffer }>(
        'select bytes from enrollment_job_file_chunks where job_id = $1 and chunk_no = $2',
        [jobId, chunkNo],
      );
      if (chunk === undefined) return;
      yield chunk.bytes;
    }
  }

  async seenNiks(jobId: string): Promise<Map<string, number>> {
    const rows = await this.database.query<{ nik_hex: string; row_number: number }>(
      `select encode(nik_hmac, 'hex') as nik_hex, row_number from enrollment_job_niks where job_id = $1`,
      [jobId],
    );
    return new Map(rows.map((row) => [row.nik_hex, row.row_number]));
  }

  /**
   * A batch's bookkeeping, in the transaction of its events and in one statement: the new
   * workers' NIK index rows, the NIKs first seen, the rows' problems, and the cursor moved
   * over the batch with its outcomes counted. After a crash either all of it is there or
   * none, so a resumed job neither skips nor repeats a row. Refuses unless the cursor is where
   * the batch starts (JobCursorMovedError), and unless every NIK was free in the index
   * (NikAlreadyIndexedError: a registration elsewhere took one); the caller rolls back.
   */
  async recordBatch(
    tx: SqlExecutor,
    jobId: string,
    progress: BatchProgress,
    indexed: readonly { readonly nikHashHex: string; readonly participantId: string }[],
  ): Promise<void> {
    const seqs = new Map<number, number>();
    const seqOf = (rowNumber: number): number => {
      const seq = seqs.get(rowNumber) ?? 0;
      seqs.set(rowNumber, seq + 1);
      return seq;
    };
    const { problems, niks } = progress;
    // Wrapped in a select: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
    const [outcome] = await tx.query<{ indexed: number; moved: number }>(
      `with indexed as (
         insert into participant_nik_index (nik_hmac, participant_id)
         select decode(h, 'hex'), p from unnest($7::text[], $8::uuid[]) as e(h, p)
          order by h -- one order for every writer: two uploads sharing NIKs wait, never deadlock
         on conflict do nothing
         returning 1
       ), seen as (
         insert into enrollment_job_niks (job_id, nik_hmac, row_number)
         select $1, decode(h, 'hex'), r from unnest($9::text[], $10::int[]) as n(h, r)
       ), problems as (
         insert into enrollment_job_problems (job_id, row_number, seq, field, code, reason, details)
         select $1, r, s, f, c, m, d::jsonb
           from unnest($11::int[], $12::int[], $13::text[], $14::text[], $15::text[], $16::text[])
             as p(r, s, f, c, m, d)
       ), moved as (
         update enrollment_jobs set rows_read = $3, enrolled = enrolled + $4,
             already_enrolled = already_enrolled + $5, rejected = rejected + $6, updated_at = now()
          where job_id = $1 and rows_read = $2
          returning 1)
       select (select count(*)::int from indexed) as indexed,
              (select count(*)::int from moved) as moved`,
      [
        jobId,
        progress.cursorBefore,
        progress.cursorAfter,
        progress.enrolled,
        progress.alreadyEnrolled,
        progress.rejected,
        indexed.map((entry) => entry.nikHashHex),
        indexed.map((entry) => entry.participantId),
        niks.map((nik) => nik.nikHashHex),
        niks.map((nik) => nik.rowNumber),
        problems.map((problem) => problem.rowNumber),
        problems.map((problem) => seqOf(problem.rowNumber)),
        problems.map((problem) => problem.field),
        problems.map((problem) => problem.code),
        problems.map((problem) => problem.reason),
        problems.map((problem) =>
          problem.details === undefined ? null : JSON.stringify(problem.details),
        ),
      ],
    );
    if (outcome?.moved !== 1) {
      throw new JobCursorMovedError(`job ${jobId} is no longer at row ${progress.cursorBefore}`);
    }
    if (outcome.indexed !== indexed.length) throw new NikAlreadyIndexedError();
  }

  /** The problems of the first `rows` rows after `afterRow` (a row's problems are never split). */
  async problems(jobId: string, afterRow: number, rows: number): Promise<StoredRowProblem[]> {
    const found = await this.database.query<{
      row_number: number;
      seq: number;
      field: RowProblem['field'];
      code: string;
      reason: string;
      details: Readonly<Record<string, unknown>> | null;
    }>(
      `select row_number, seq, field, code, reason, details from enrollment_job_problems
        where job_id = $1 and row_number in (
          select distinct row_number from enrollment_job_problems
           where job_id = $1 and row_number > $2 order by row_number limit $3)
        order by row_number, seq`,
      [jobId, afterRow, rows],
    );
    return found.map((row) => ({
      rowNumber: row.row_number,
      seq: row.seq,
      field: row.field,
      code: row.code,
      reason: row.reason,
      ...(row.details === null ? {} : { details: row.details }),
    }));
  }
}
