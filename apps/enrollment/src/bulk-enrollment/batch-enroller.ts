import {
  ENROLLMENT_PERSONAL_DATA_PATHS,
  ENROLLMENT_SCHEMA_VERSIONS,
  type EnrollmentEvent,
} from '@santunan/contracts';
import {
  checkWorkerRow,
  columnCountProblem,
  decide,
  duplicateNikProblem,
  enrolmentOf,
  initialState,
  rowProblemOf,
  type EnrolSponsoredWorker,
  type EnrollmentContext,
  type RegionDirectory,
  type RowProblem,
} from '@santunan/enrollment-domain';
import {
  encryptPersonalFields,
  isDatabaseUnavailable,
  PersonalDataCipher,
  PostgresSubjectKeyStore,
  type NewEvent,
  type PlatformLogger,
  type ServiceRuntime,
} from '@santunan/platform';
import { enrollmentContextForIncomeMonth } from '../shared/enrollment-context';
import type { LookupHasher } from '../shared/lookup-hasher';
import type { NikIndex } from '../shared/nik-index';
import type { ParticipantCommands } from '../shared/participant-commands';
import { PARTICIPANT_STREAM, participantStreamId } from '../shared/participant.stream';
import { fieldsByColumn, type CsvRecord } from './csv-records';
import {
  JobCursorMovedError,
  type BatchProgress,
  type EnrollmentJob,
  type EnrollmentJobStore,
} from './enrollment-job.store';

/** Where a refused row's sealed cells sit in its problems' details. */
export const REJECTED_ROW_FIELD = 'rejectedRow';

/** The batch before this one did not complete: this one must not move the cursor past it. */
export class EarlierBatchFailedError extends Error {
  override readonly name = 'EarlierBatchFailedError';
}

type RowOutcome =
  | { readonly kind: 'rejected'; readonly problems: readonly RowProblem[] }
  | { readonly kind: 'already-enrolled' }
  | {
      readonly kind: 'enrolled';
      readonly participantId: string;
      readonly nikHashHex: string;
      readonly events: readonly NewEvent[];
    };

/** A row decided, a new worker's personal data not sealed yet. */
type Decided =
  | Exclude<RowOutcome, { kind: 'enrolled' }>
  | {
      readonly kind: 'new';
      readonly participantId: string;
      readonly nikHashHex: string;
      readonly events: readonly EnrollmentEvent[];
    };

/** A row checked on its own, before anything is looked up. */
type CheckedRow =
  | { readonly kind: 'rejected'; readonly problems: readonly RowProblem[] }
  | {
      readonly kind: 'candidate';
      readonly rowNumber: number;
      readonly command: Omit<EnrolSponsoredWorker, 'participantId'>;
      readonly nikHashHex: string;
    };

/** Where a file's rows have got to: NIKs seen (keyed hash hex → first row). */
export type SeenNiks = Map<string, number>;

/**
 * Enrols a batch of rows of a job in one transaction: one stream (with its own events) per
 * new worker, their NIK index rows, the rows' problems and the job's cursor. Checks, lookups,
 * decisions, key creation and sealing happen before the transaction, so it stays short.
 *
 * Batches overlap: a batch is prepared and appended while the one before it commits, but
 * moves the cursor only after that one has committed (`after`), so the cursor still says
 * "every row up to here is done". If a batch fails, its rows are tried one by one, so one
 * row's failure does not cost the others.
 */
export class BatchEnroller {
  private readonly logger: PlatformLogger;
  /**
   * The bulk job's own cipher: it only ever seals the registrations of workers it creates, so
   * their keys do not push the service's cached keys out.
   */
  private readonly cipher: PersonalDataCipher;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly participants: ParticipantCommands,
    private readonly nikIndex: NikIndex,
    private readonly hasher: LookupHasher,
    private readonly jobs: EnrollmentJobStore,
    private readonly regions: RegionDirectory,
  ) {
    this.logger = runtime.logger.child({ component: 'bulk-enrollment' });
    // Room for the new workers of every batch in flight: their keys are loaded before sealing.
    this.cipher = new PersonalDataCipher(new PostgresSubjectKeyStore(runtime.keyDatabase), {
      maxCachedKeys: 20_000,
    });
  }

  /**
   * Resolves once the batch is committed. `seen` gets the batch's NIKs at once, so the next
   * batch, prepared meanwhile, still finds duplicates of them.
   */
  async enrol(
    job: EnrollmentJob,
    header: readonly string[],
    records: readonly CsvRecord[],
    seen: SeenNiks,
    after: Promise<void>,
  ): Promise<void> {
    try {
      await this.enrolTogether(job, header, records, seen, after);
    } catch (error) {
      if (!this.worthRetryingAlone(error) || records.length === 1) throw error;
      this.logger.warn(
        { jobId: job.jobId, error: describe(error) },
        `job ${job.jobId}: batch failed; enrolling its rows one by one`,
      );
      await waitFor(after);
      for (const record of records) {
        await this.enrolAlone(job, header, record, seen);
      }
    }
  }

  private async enrolAlone(
    job: EnrollmentJob,
    header: readonly string[],
    record: CsvRecord,
    seen: SeenNiks,
  ): Promise<void> {
    try {
      await this.enrolTogether(job, header, [record], seen, Promise.resolve());
    } catch (error) {
      if (!this.worthRetryingAlone(error)) throw error;
      this.logger.error(
        { jobId: job.jobId, row: record.rowNumber, error: describe(error) },
        `job ${job.jobId}: row ${record.rowNumber} failed`,
      );
      await this.runtime.database.transaction(async (tx) => {
        const progress: BatchProgress = {
          cursorBefore: record.index - 1,
          cursorAfter: record.index,
          enrolled: 0,
          alreadyEnrolled: 0,
          rejected: 1,
          problems: [
            {
              rowNumber: record.rowNumber,
              field: 'row',
              code: 'ENROLMENT_FAILED',
              reason: 'the row could not be enrolled because of an internal error; upload it again',
            },
          ],
          niks: [],
        };
        await this.jobs.recordBatch(tx, job.jobId, progress, []);
      });
    }
  }

  /** A lost database, a job taken over elsewhere or an earlier failure is not the rows' fault. */
  private worthRetryingAlone(error: unknown): boolean {
    return (
      !isDatabaseUnavailable(error) &&
      !(error instanceof JobCursorMovedError) &&
      !(error instanceof EarlierBatchFailedError)
    );
  }

  private async enrolTogether(
    job: EnrollmentJob,
    header: readonly string[],
    records: readonly CsvRecord[],
    seen: SeenNiks,
    after: Promise<void>,
  ): Promise<void> {
    const first = records[0];
    const last = records[records.length - 1];
    if (first === undefined || last === undefined) return;
    const { outcomes, firstSeen } = await this.prepare(job, header, records, seen);
    const enrolled = outcomes.flatMap((outcome) => (outcome.kind === 'enrolled' ? [outcome] : []));
    const progress: BatchProgress = {
      cursorBefore: first.index - 1,
      cursorAfter: last.index,
      enrolled: enrolled.length,
      alreadyEnrolled: outcomes.filter((outcome) => outcome.kind === 'already-enrolled').length,
      rejected: outcomes.filter((outcome) => outcome.kind === 'rejected').length,
      problems: outcomes.flatMap((outcome) =>
        outcome.kind === 'rejected' ? outcome.problems : [],
      ),
      niks: [...firstSeen].map(([nikHashHex, rowNumber]) => ({ nikHashHex, rowNumber })),
    };
    const recordedAt = this.runtime.clock.now();
    await this.runtime.database.transaction(async (tx) => {
      // Every new worker's stream in one go: one head query, one insert of events and one of
      // outbox rows for the batch, where one append per worker took three round trips each.
      await this.runtime.store.appendMany(
        tx,
        enrolled.map((worker) => ({
          streamId: participantStreamId(worker.participantId),
          streamType: PARTICIPANT_STREAM.streamType,
          expectedVersion: 0,
          events: worker.events,
          // The sponsor operator who uploaded the file is who enrolled these workers.
          metadata: { correlationId: job.correlationId, causationId: null, actor: job.uploadedBy },
          recordedAt,
        })),
      );
      // The cursor moves only over committed batches: wait for the one before this.
      await waitFor(after);
      await this.jobs.recordBatch(
        tx,
        job.jobId,
        progress,
        enrolled.map(({ nikHashHex, participantId }) => ({ nikHashHex, participantId })),
      );
    });
  }

  private async prepare(
    job: EnrollmentJob,
    header: readonly string[],
    records: readonly CsvRecord[],
    seen: SeenNiks,
  ): Promise<{ outcomes: RowOutcome[]; firstSeen: Map<string, number> }> {
    const firstSeen = new Map<string, number>();
    const checked = records.map((record) => this.check(job, header, record, seen, firstSeen));
    for (const [nikHashHex, rowNumber] of firstSeen) seen.set(nikHashHex, rowNumber);
    const candidates = checked.flatMap((row) => (row.kind === 'candidate' ? [row.nikHashHex] : []));
    const registered = await this.nikIndex.findMany(this.runtime.database, candidates);
    const context = enrollmentContextForIncomeMonth(
      job.incomeEffectiveFrom,
      this.runtime.clock.today(),
      this.regions,
    );
    const decided = await Promise.all(
      checked.map(
        async (row): Promise<Decided> =>
          row.kind === 'rejected' ? row : this.decide(row, registered.get(row.nikHashHex), context),
      ),
    );
    // Every new worker's key in two statements, then seal (one key per call was the bottleneck).
    await this.cipher.prepareKeys(
      decided.flatMap((row) => (row.kind === 'new' ? [row.participantId] : [])),
      'obtain',
    );
    const outcomes = await Promise.all(
      decided.map(
        async (row, index): Promise<RowOutcome> =>
          row.kind === 'rejected'
            ? this.withSealedRow(job, header, records[index], row)
            : row.kind !== 'new'
              ? row
              : {
                  kind: 'enrolled',
                  participantId: row.participantId,
                  nikHashHex: row.nikHashHex,
                  events: await Promise.all(
                    row.events.map((event) => this.sealed(event, row.participantId)),
                  ),
                },
      ),
    );
    return { outcomes, firstSeen };
  }

  private check(
    job: EnrollmentJob,
    header: readonly string[],
    record: CsvRecord,
    seen: ReadonlyMap<string, number>,
    firstSeen: Map<string, number>,
  ): CheckedRow {
    if (record.fields.length !== header.length) {
      return {
        kind: 'rejected',
        problems: [columnCountProblem(record.rowNumber, record.fields.length, header.length)],
      };
    }
    const byColumn = fieldsByColumn(header, record.fields);
    const check = checkWorkerRow(record.rowNumber, byColumn);
    const nik = (byColumn['nik'] ?? '').trim();
    const problems: RowProblem[] = check.ok ? [] : [...check.problems];
    let nikHashHex: string | undefined;
    if (/^\d{16}$/.test(nik)) {
      nikHashHex = this.hasher.nik(nik).toString('hex');
      const firstRow = firstSeen.get(nikHashHex) ?? seen.get(nikHashHex);
      // Its own row: the batch is being tried again, row by row.
      if (firstRow === undefined || firstRow === record.rowNumber) {
        firstSeen.set(nikHashHex, record.rowNumber);
      } else {
        problems.push(duplicateNikProblem(record.rowNumber, firstRow));
      }
    }
    if (!check.ok || problems.length > 0 || nikHashHex === undefined) {
      return { kind: 'rejected', problems };
    }
    const { participantId: _none, ...command } = enrolmentOf(check.row, {
      participantId: '',
      programId: job.programId,
      incomeEffectiveFrom: job.incomeEffectiveFrom,
    });
    return { kind: 'candidate', rowNumber: record.rowNumber, command, nikHashHex };
  }

  private async decide(
    row: Extract<CheckedRow, { kind: 'candidate' }>,
    existingId: string | undefined,
    context: EnrollmentContext,
  ): Promise<Decided> {
    const participantId = existingId ?? this.runtime.ids.next();
    const command: EnrolSponsoredWorker = { ...row.command, participantId };
    // An existing participant's outcome is never an append (already enrolled, or refused),
    // so reading it outside the batch's transaction is safe.
    const state =
      existingId === undefined ? initialState() : (await this.participants.load(existingId)).state;
    const decision = decide(command, state, context);
    if (!decision.ok) {
      return { kind: 'rejected', problems: [rowProblemOf(row.rowNumber, decision.rejection)] };
    }
    if (decision.events.length === 0) return { kind: 'already-enrolled' };
    if (existingId !== undefined) {
      throw new Error(`enrolling registered participant ${existingId} decided new events`);
    }
    return { kind: 'new', participantId, nikHashHex: row.nikHashHex, events: decision.events };
  }

  /**
   * A refused row keeps its cells, so the operator can download the rows to fix: sealed with
   * the job's own key (the job id as subject), never stored in plain, erased with that key.
   */
  private async withSealedRow(
    job: EnrollmentJob,
    header: readonly string[],
    record: CsvRecord | undefined,
    row: Extract<RowOutcome, { kind: 'rejected' }>,
  ): Promise<RowOutcome> {
    if (record === undefined) return row;
    const sealed = await this.cipher.encrypt(job.jobId, {
      [REJECTED_ROW_FIELD]: JSON.stringify({ columns: header, fields: record.fields }),
    });
    const cells = sealed[REJECTED_ROW_FIELD];
    return {
      kind: 'rejected',
      problems: row.problems.map((problem) => ({
        ...problem,
        details: { ...(problem.details ?? {}), [REJECTED_ROW_FIELD]: cells },
      })),
    };
  }

  /** A refused row's cells (column, value), or null when absent or its job's key is erased. */
  async openRejectedRow(
    details: Readonly<Record<string, unknown>> | undefined,
  ): Promise<{ column: string; value: string }[] | null> {
    const sealed = details?.[REJECTED_ROW_FIELD];
    if (sealed === undefined) return null;
    const plain = await this.cipher.decrypt(sealed, REJECTED_ROW_FIELD);
    if (typeof plain !== 'string') return null;
    const { columns, fields } = JSON.parse(plain) as { columns: string[]; fields: string[] };
    return fields.map((value, position) => ({
      column: columns[position] ?? `#${position + 1}`,
      value,
    }));
  }

  private async sealed(event: EnrollmentEvent, participantId: string): Promise<NewEvent> {
    return {
      eventId: this.runtime.ids.next(),
      type: event.type,
      schemaVersion: ENROLLMENT_SCHEMA_VERSIONS[event.type],
      occurredAt: this.runtime.clock.now(),
      data: await encryptPersonalFields(
        this.cipher,
        participantId,
        event.data as unknown as Readonly<Record<string, unknown>>,
        ENROLLMENT_PERSONAL_DATA_PATHS[event.type],
      ),
    };
  }
}

async function waitFor(earlier: Promise<void>): Promise<void> {
  try {
    await earlier;
  } catch (error) {
    throw new EarlierBatchFailedError(`an earlier batch failed: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
