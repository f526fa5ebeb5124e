/**
 * Writes a drill's outcome into docs/reliability.md, newest first, under the results marker:
 * the date, the machine, the outcome, the timings and the checks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DrillOutcome } from './drill';
import { ROOT } from './support';

/** docs/reliability.md, or DRILL_RECORD_FILE (a drill run from another checkout records here). */
export const RELIABILITY_DOC =
  process.env['DRILL_RECORD_FILE'] || path.join(ROOT, 'docs/reliability.md');
export const RESULTS_MARKER = '<!-- drill results: newest first, written by `npm run drill` -->';

export interface DrillRecord {
  readonly drill: string;
  readonly title: string;
  readonly startedAt: Date;
  readonly ms: number;
  readonly passed: boolean;
  readonly outcome?: DrillOutcome;
  readonly error?: string;
  /** Load average when the drill started (the machine is shared). */
  readonly load: readonly number[];
}

export function machine(): string {
  const cpus = os.cpus();
  return (
    `${os.hostname()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`
  );
}

export function renderRecord(record: DrillRecord): string {
  const when = record.startedAt.toISOString().slice(0, 16).replace('T', ' ');
  const lines = [
    `### ${when} UTC — drill ${record.drill}: ${record.passed ? 'passed' : 'FAILED'}`,
    '',
    `${record.title}. Took ${(record.ms / 1000).toFixed(0)} s on ${machine()}; load average at start ` +
      `${record.load.map((value) => value.toFixed(2)).join(' / ')}.`,
    '',
  ];
  const timings = Object.entries(record.outcome?.timings ?? {});
  if (timings.length > 0) {
    lines.push('| step | time |', '| --- | --- |');
    for (const [step, time] of timings) lines.push(`| ${step} | ${time.replace(/\|/g, '/')} |`);
    lines.push('');
  }
  for (const check of record.outcome?.checks ?? [])
    lines.push(`- ${check.ok ? 'ok' : '**FAILED**'} — ${check.name}: ${check.detail}`);
  for (const note of record.outcome?.notes ?? []) lines.push(`- note: ${note}`);
  if (record.error !== undefined)
    lines.push(`- **failure**: ${record.error.split('\n').join(' ').slice(0, 1500)}`);
  lines.push('');
  return lines.join('\n');
}

/** Inserts the record right after the results marker (appends the marker if it is missing). */
export function recordOutcome(record: DrillRecord, file = RELIABILITY_DOC): void {
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Reliability\n';
  if (!text.includes(RESULTS_MARKER))
    text = `${text.trimEnd()}\n\n## Results\n\n${RESULTS_MARKER}\n`;
  const at = text.indexOf(RESULTS_MARKER) + RESULTS_MARKER.length;
  text = `${text.slice(0, at)}\n\n${renderRecord(record)}${text.slice(at).replace(/^\n+/, '\n')}`;
  fs.writeFileSync(file, text);
}
