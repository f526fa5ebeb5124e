import { createHash } from 'node:crypto';
import { canonicalJson, eventHash, type JsonValue } from '@santunan/platform';
import { formatPosition, hashedFields, type StoredEvent } from './store-reader';
import { isAuditedService, type AuditedService } from './targets';

/**
 * The export format (one JSON object per line, ADR 0015):
 *   line 1      {"kind":"header", format, from, before, services, positions, ...}
 *   line 2..n   {"kind":"event", service, event: <the stored event, data as stored>, ...}
 *   last line   {"kind":"trailer", events, byService, ...}
 * Every line carries its number, the previous line's hash and its own `lineHash` =
 * SHA-256(previousLineHash + "\n" + canonical JSON of the line without lineHash), so a
 * removed, inserted or reordered line breaks the chain at that place. Each event keeps its
 * store hash and previousHash, which offline verification recomputes.
 */
export const EXPORT_FORMAT = 'santunan-audit-export/1';

export interface ExportHeader {
  readonly from: string;
  readonly before: string;
  readonly services: readonly AuditedService[];
  /** Per service, the event position the export read up to. */
  readonly positions: Readonly<Partial<Record<AuditedService, string>>>;
}

export class ExportWriter {
  private line = 0;
  private previousLineHash: string | null = null;
  private readonly counts = new Map<AuditedService, number>();

  header(header: ExportHeader): string {
    return this.emit({ kind: 'header', format: EXPORT_FORMAT, ...header } as unknown as JsonValue);
  }

  event(event: StoredEvent): string {
    this.counts.set(event.service, (this.counts.get(event.service) ?? 0) + 1);
    return this.emit({ kind: 'event', service: event.service, event: exportedEvent(event) });
  }

  trailer(): string {
    const byService: Record<string, number> = {};
    for (const [service, count] of [...this.counts].sort(([a], [b]) => a.localeCompare(b)))
      byService[service] = count;
    const events = [...this.counts.values()].reduce((sum, count) => sum + count, 0);
    return this.emit({ kind: 'trailer', events, byService });
  }

  private emit(body: { readonly [key: string]: JsonValue } | JsonValue): string {
    this.line += 1;
    const chained = {
      ...(body as Record<string, JsonValue>),
      line: this.line,
      previousLineHash: this.previousLineHash,
    };
    const lineHash = lineHashOf(chained);
    this.previousLineHash = lineHash;
    return `${JSON.stringify({ ...chained, lineHash })}\n`;
  }
}

function exportedEvent(event: StoredEvent): JsonValue {
  return { ...hashedFields(event), hash: event.hash, position: formatPosition(event.position) };
}

function lineHashOf(chained: Record<string, JsonValue>): string {
  const previous = chained['previousLineHash'];
  return createHash('sha256')
    .update(`${typeof previous === 'string' ? previous : ''}\n${canonicalJson(chained)}`, 'utf8')
    .digest('hex');
}

export interface ExportProblem {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly detail: string;
}

export interface ExportVerification {
  readonly header: ExportHeader | null;
  readonly eventsVerified: number;
  readonly byService: Readonly<Record<string, number>>;
  readonly problems: readonly ExportProblem[];
  readonly ok: boolean;
}

/**
 * Verifies an export with nothing but the file: the line chain (nothing removed, inserted or
 * reordered), every event's hash over its stored fields, and the stream chain between
 * consecutive versions found in the file.
 */
export function verifyExport(text: string): ExportVerification {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const problems: ExportProblem[] = [];
  const report = (line: number, detail: string): void => void problems.push({ line, detail });
  const byService: Record<string, number> = {};
  const streams = new Map<string, { version: number; hash: string; line: number }>();
  let header: ExportHeader | null = null;
  let previousLineHash: string | null = null;
  let eventsVerified = 0;
  let trailerSeen = false;

  lines.forEach((raw, index) => {
    const number = index + 1;
    let parsed: Record<string, JsonValue>;
    try {
      parsed = JSON.parse(raw) as Record<string, JsonValue>;
    } catch {
      report(number, 'not a JSON line');
      previousLineHash = null;
      return;
    }
    const { lineHash, ...chained } = parsed;
    if (lineHashOf(chained) !== lineHash)
      report(number, 'the line was altered (its lineHash no longer matches)');
    if (chained['previousLineHash'] !== previousLineHash) {
      report(
        number,
        'does not follow the line before it: a line was removed, inserted or moved here',
      );
    }
    if (chained['line'] !== number)
      report(number, `was written as line ${asText(chained['line'])}`);
    previousLineHash = typeof lineHash === 'string' ? lineHash : null;
    if (trailerSeen) report(number, 'follows the trailer');

    switch (asText(chained['kind'])) {
      case 'header':
        if (number !== 1) report(number, 'a header that is not the first line');
        else if (chained['format'] !== EXPORT_FORMAT)
          report(number, `unknown format ${asText(chained['format'])}`);
        else header = chained as unknown as ExportHeader;
        return;
      case 'event': {
        const service = asText(chained['service']);
        const event = chained['event'] as Record<string, JsonValue> | undefined;
        if (!isAuditedService(service) || event === undefined) {
          report(number, 'an event line without service or event');
          return;
        }
        checkEvent(number, service, event, streams, report);
        byService[service] = (byService[service] ?? 0) + 1;
        eventsVerified += 1;
        return;
      }
      case 'trailer': {
        trailerSeen = true;
        if (chained['events'] !== eventsVerified) {
          report(
            number,
            `the trailer counts ${asText(chained['events'])} events, the file holds ${eventsVerified}`,
          );
        }
        if (
          canonicalJson(chained['byService'] ?? null) !== canonicalJson(sortedCounts(byService))
        ) {
          report(number, `the trailer's counts per service differ from the file's`);
        }
        return;
      }
      default:
        report(number, `unknown line kind ${asText(chained['kind'])}`);
    }
  });
  if (header === null) report(1, 'no header line');
  if (!trailerSeen) report(lines.length, 'no trailer line: the file was cut short');
  return {
    header,
    eventsVerified,
    byService: sortedCounts(byService),
    problems,
    ok: problems.length === 0,
  };
}

function checkEvent(
  line: number,
  service: AuditedService,
  event: Record<string, JsonValue>,
  streams: Map<string, { version: number; hash: string; line: number }>,
  report: (line: number, detail: string) => void,
): void {
  const streamId = asText(event['streamId']);
  const version = Number(event['version']);
  const where = `${service} stream ${streamId} version ${version}`;
  const recomputed = eventHash({
    eventId: asText(event['eventId']),
    streamId,
    streamType: asText(event['streamType']),
    version,
    type: asText(event['type']),
    schemaVersion: Number(event['schemaVersion']),
    data: event['data'] ?? null,
    metadata: event['metadata'] ?? null,
    occurredAt: asText(event['occurredAt']),
    recordedAt: asText(event['recordedAt']),
    previousHash: typeof event['previousHash'] === 'string' ? event['previousHash'] : null,
  });
  if (recomputed !== event['hash']) report(line, `${where}: the event no longer matches its hash`);
  const key = `${service}/${streamId}`;
  const before = streams.get(key);
  if (before !== undefined) {
    if (version <= before.version) {
      report(
        line,
        `${where}: comes after version ${before.version} (line ${before.line}): reordered`,
      );
    } else if (version === before.version + 1 && event['previousHash'] !== before.hash) {
      report(
        line,
        `${where}: previousHash does not link to version ${before.version} (line ${before.line})`,
      );
    }
  }
  streams.set(key, { version, hash: asText(event['hash']), line });
}

/** A JSON member as text, for messages and hashing (strings as they are, the rest as JSON). */
function asText(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
}

function sortedCounts(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export function renderExportVerification(result: ExportVerification, file: string): string {
  const lines = [
    `file ${file}: ${result.eventsVerified} events (${
      Object.entries(result.byService)
        .map(([service, count]) => `${service} ${count}`)
        .join(', ') || 'none'
    })`,
    ...result.problems.map((problem) => `  TAMPERED line ${problem.line}: ${problem.detail}`),
    result.ok ? 'verify: OK' : 'verify: FAILED',
  ];
  return `${lines.join('\n')}\n`;
}
