import { createHash } from 'node:crypto';
import { ProblemException, type Actor, type IdGenerator } from '@santunan/platform';
import type { BulkEnrollmentConfig } from '../config/enrollment-config';
import { CsvUploadScanner, type UploadRefusal } from './csv-upload.scanner';
import type { EnrollmentJob, EnrollmentJobStore } from './enrollment-job.store';

/** Stored file chunk size: big enough to keep rows few, small enough to stream. */
const CHUNK_BYTES = 1024 * 1024;

export interface UploadTerms {
  readonly programId: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly fileName: string | null;
  readonly incomeEffectiveFrom: string;
}

/**
 * Takes a worker file as it streams in: stores it in chunks under a new job (so the job can
 * be resumed by any replica after a restart) while a scanner checks header and syntax and
 * counts rows. A refused file leaves nothing behind; an accepted one is queued.
 */
export class CsvUploadReceiver {
  constructor(
    private readonly jobs: EnrollmentJobStore,
    private readonly ids: IdGenerator,
    private readonly config: BulkEnrollmentConfig,
    private readonly onQueued: () => void,
  ) {}

  async receive(body: AsyncIterable<Buffer | string>, terms: UploadTerms): Promise<EnrollmentJob> {
    const jobId = this.ids.next();
    await this.jobs.createReceiving({
      jobId,
      programId: terms.programId,
      uploadedBy: terms.actor,
      correlationId: terms.correlationId,
      fileName: terms.fileName,
      incomeEffectiveFrom: terms.incomeEffectiveFrom,
    });
    try {
      const queued = await this.store(jobId, body);
      this.onQueued();
      return queued;
    } catch (error) {
      await this.jobs.discard(jobId);
      throw error;
    }
  }

  private async store(jobId: string, body: AsyncIterable<Buffer | string>): Promise<EnrollmentJob> {
    const scanner = new CsvUploadScanner();
    const hash = createHash('sha256');
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let chunkNo = 0;
    let received = 0;
    let tooLarge = false;
    const flush = async (): Promise<void> => {
      if (pendingBytes === 0) return;
      await this.jobs.appendChunk(jobId, chunkNo, Buffer.concat(pending));
      chunkNo += 1;
      pending = [];
      pendingBytes = 0;
    };
    try {
      for await (const piece of body) {
        const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        received += chunk.length;
        tooLarge ||= received > this.config.maxUploadBytes;
        // Once refused, the rest is only drained, so the client still gets its answer.
        if (tooLarge || scanner.refused) continue;
        scanner.write(chunk);
        hash.update(chunk);
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= CHUNK_BYTES) await flush();
      }
    } catch (error) {
      throw new ProblemException(
        400,
        'UPLOAD_INTERRUPTED',
        'The upload did not complete',
        'the request body ended before the file did; nothing was enrolled, upload it again',
        {},
        { cause: error },
      );
    }
    if (tooLarge) {
      throw new ProblemException(
        413,
        'UPLOAD_TOO_LARGE',
        'The file is too large',
        `the file is larger than ${this.config.maxUploadBytes} bytes; split it and upload the parts`,
        { maxUploadBytes: this.config.maxUploadBytes },
      );
    }
    const scan = await scanner.end();
    if (!scan.ok) throw refusalProblem(scan.refusal);
    await flush();
    await this.jobs.markQueued(jobId, scan.totalRows, hash.digest('hex'));
    const job = await this.jobs.find(jobId);
    if (job === undefined) throw new Error(`job ${jobId} vanished after it was queued`);
    return job;
  }
}

const TITLES: Readonly<Record<UploadRefusal['code'], string>> = {
  CSV_EMPTY: 'The file is empty',
  CSV_NO_ROWS: 'The file has no worker rows',
  CSV_COLUMNS_MISSING: 'Columns are missing',
  CSV_MALFORMED: 'The file is not well-formed CSV',
  CSV_RECORD_TOO_LARGE: 'A record is too large',
};

function refusalProblem(refusal: UploadRefusal): ProblemException {
  return new ProblemException(
    400,
    refusal.code,
    TITLES[refusal.code],
    refusal.detail,
    refusal.extras,
  );
}
