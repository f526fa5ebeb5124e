import { parse, type Parser } from 'csv-parse';

/**
 * A record bigger than this is refused with the whole upload: csv-parse cannot resynchronise
 * after it (nor after a quote left open), so later rows would be lost without a word.
 */
export const MAX_RECORD_BYTES = 64 * 1024;

/** One data record of a worker file. */
export interface CsvRecord {
  /** 1-based among data records (the header is not counted): the job's cursor unit. */
  readonly index: number;
  /** The line the record ends on, as an editor shows it (the header is line 1). */
  readonly rowNumber: number;
  readonly fields: readonly string[];
}

interface ParsedWithInfo {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/**
 * The one parser configuration, used both to check an upload and to run its job, so both see
 * the same records: a BOM (UTF-8 or UTF-16LE) is dropped, blank lines are skipped, and records
 * with the wrong number of fields are passed on to be reported per row.
 */
export function createCsvParser(): Parser {
  return parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    info: true,
  });
}

export function isParsedRecord(value: unknown): value is ParsedWithInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { record?: unknown }).record) &&
    typeof (value as { info?: { lines?: unknown } }).info?.lines === 'number'
  );
}

/** Header names as `missingColumns` and `checkWorkerRow` expect them. */
export function normalizedHeader(fields: readonly string[]): string[] {
  return fields.map((name) => name.trim().toLowerCase());
}

/** The record as column name → value; absent trailing fields read as undefined. */
export function fieldsByColumn(
  header: readonly string[],
  fields: readonly string[],
): Record<string, string | undefined> {
  const byColumn: Record<string, string | undefined> = {};
  header.forEach((column, position) => {
    if (!(column in byColumn)) byColumn[column] = fields[position];
  });
  return byColumn;
}

/** A csv-parse error's line, when it names one. */
export function lineOfParseError(error: unknown): number | undefined {
  const lines = (error as { lines?: unknown }).lines;
  return typeof lines === 'number' ? lines : undefined;
}

/**
 * The data records of a worker file after the first `skip`, with the header, in batches.
 * Records are pulled from the parser as they are consumed: the file is never held whole.
 */
export async function* recordBatches(
  parser: Parser,
  skip: number,
  batchSize: number,
): AsyncGenerator<{ header: string[]; records: CsvRecord[] }> {
  let header: string[] | undefined;
  let index = 0;
  let batch: CsvRecord[] = [];
  for await (const parsed of parser) {
    if (!isParsedRecord(parsed)) throw new Error('csv-parse returned a record without info');
    if (header === undefined) {
      header = normalizedHeader(parsed.record);
      continue;
    }
    index += 1;
    if (index <= skip) continue;
    batch.push({ index, rowNumber: parsed.info.lines, fields: parsed.record });
    if (batch.length >= batchSize) {
      yield { header, records: batch };
      batch = [];
    }
  }
  if (header !== undefined && batch.length > 0) yield { header, records: batch };
}
