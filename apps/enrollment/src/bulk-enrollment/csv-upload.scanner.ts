import type { Parser } from 'csv-parse';
import { missingColumns, WORKER_CSV_COLUMNS } from '@santunan/enrollment-domain';
import {
  createCsvParser,
  isParsedRecord,
  lineOfParseError,
  MAX_RECORD_BYTES,
  normalizedHeader,
} from './csv-records';

/** Why an upload is refused whole (400), before any row is enrolled. */
export interface UploadRefusal {
  readonly code:
    | 'CSV_EMPTY'
    | 'CSV_NO_ROWS'
    | 'CSV_COLUMNS_MISSING'
    | 'CSV_MALFORMED'
    | 'CSV_RECORD_TOO_LARGE';
  readonly detail: string;
  readonly extras: Readonly<Record<string, unknown>>;
}

export type ScanResult =
  | { readonly ok: true; readonly totalRows: number }
  | { readonly ok: false; readonly refusal: UploadRefusal };

/**
 * Reads an upload as it arrives, without keeping it: checks the header names every column,
 * that the CSV is well formed to the end, and counts the data rows (the job's total). Row
 * contents are the job's business, reported per row.
 */
export class CsvUploadScanner {
  private readonly parser: Parser = createCsvParser();
  private header: string[] | undefined;
  private rows = 0;
  private refusal: UploadRefusal | undefined;
  private readonly finished: Promise<void>;

  constructor() {
    this.parser.on('data', (parsed: unknown) => this.onRecord(parsed));
    this.finished = new Promise<void>((resolve) => {
      this.parser.on('end', () => resolve());
      this.parser.on('close', () => resolve());
      this.parser.on('error', (error: unknown) => {
        this.refusal ??= parseRefusal(error);
        resolve();
      });
    });
  }

  /** True once the upload is known to be refused: the rest need not be looked at. */
  get refused(): boolean {
    return this.refusal !== undefined;
  }

  write(chunk: Buffer): void {
    if (!this.refused && !this.parser.destroyed) this.parser.write(chunk);
  }

  async end(): Promise<ScanResult> {
    if (!this.parser.destroyed) this.parser.end();
    await this.finished;
    if (this.refusal) return { ok: false, refusal: this.refusal };
    if (this.header === undefined) {
      return refuse('CSV_EMPTY', 'the file is empty: expected a header line and worker rows', {
        expectedColumns: WORKER_CSV_COLUMNS,
      });
    }
    if (this.rows === 0)
      return refuse('CSV_NO_ROWS', 'the file has a header but no worker rows', {});
    return { ok: true, totalRows: this.rows };
  }

  private onRecord(parsed: unknown): void {
    if (this.refused || !isParsedRecord(parsed)) return;
    if (this.header !== undefined) {
      this.rows += 1;
      return;
    }
    this.header = normalizedHeader(parsed.record);
    const missing = missingColumns(this.header);
    if (missing.length > 0) {
      this.refusal = {
        code: 'CSV_COLUMNS_MISSING',
        detail: `the header lacks column(s): ${missing.join(', ')}`,
        extras: { missingColumns: missing, expectedColumns: WORKER_CSV_COLUMNS },
      };
      this.parser.destroy();
    }
  }
}

function refuse(
  code: UploadRefusal['code'],
  detail: string,
  extras: Readonly<Record<string, unknown>>,
): ScanResult {
  return { ok: false, refusal: { code, detail, extras } };
}

function parseRefusal(error: unknown): UploadRefusal {
  const code = (error as { code?: unknown }).code;
  const line = lineOfParseError(error);
  const where = line === undefined ? '' : ` (line ${line})`;
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return {
      code: 'CSV_RECORD_TOO_LARGE',
      detail: `a record is larger than ${MAX_RECORD_BYTES} bytes${where}; no row of this file was enrolled`,
      extras: { line, maxRecordBytes: MAX_RECORD_BYTES },
    };
  }
  // csv-parse quotes the offending value, which may be personal data: keep only the reason.
  const reason = (error instanceof Error ? error.message : String(error)).replace(
    /, value is .*$/s,
    '',
  );
  return {
    code: 'CSV_MALFORMED',
    detail: `the file is not well-formed CSV${where}: ${reason}; no row of this file was enrolled`,
    extras: { line, parserCode: typeof code === 'string' ? code : undefined },
  };
}
