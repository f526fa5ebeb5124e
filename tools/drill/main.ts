/**
 * `npm run drill -- [a] [b] [c] [d] [--from dist|ts-node] [--no-record]`
 *
 * Reliability drills against a platform of their own on 127.0.0.1 (ADR 0027), each bounded in
 * time and traffic (the small NTT scenario), each printing what it does and checking the
 * outcome; results go to docs/reliability.md. Without letters: all of them, one after another.
 *   a  two instances of every service, kill -9 one of each during the scenario
 *   b  a three-broker KRaft cluster, one broker killed mid-run and restarted
 *   c  PostgreSQL restarted mid-run (the machine's server: everyone using it notices)
 *   d  forged messages: a foreign principal (the broker refuses), a wrong producer (the
 *      consumer's signature check refuses, DLQ with reason)
 * Exits non-zero when a drill fails. DRILL_DATA_DIR: where brokers and logs go (default
 * .local/drill); DRILL_KEEP=1 keeps the databases and folders for a post-mortem.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { buildApps, staleBuilds } from '../platform/build';
import type { RunFrom } from '../platform/services';
import { drillA } from './drill-a';
import { drillB } from './drill-b';
import { drillC } from './drill-c';
import { drillD } from './drill-d';
import type { Drill } from './drill';
import { recordOutcome, type DrillRecord } from './record';
import { DrillFailure, ROOT, log, runId, seconds } from './support';

const DRILLS: Readonly<Record<string, { title: string; run: Drill }>> = {
  a: {
    title:
      'Two instances of every service, one of each killed with SIGKILL during the small scenario',
    run: drillA,
  },
  b: {
    title:
      'Three-broker KRaft cluster (RF 3, min ISR 2, acks=all), one broker killed mid-run and restarted',
    run: drillB,
  },
  c: { title: 'PostgreSQL restarted during the small scenario', run: drillC },
  d: {
    title: 'Forged messages: a foreign principal and an authorised but wrong producer',
    run: drillD,
  },
};

const USAGE = `usage: npm run drill -- [a] [b] [c] [d] [--from dist|ts-node] [--no-record]`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      from: { type: 'string', default: 'dist' },
      'no-record': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const chosen = positionals.length === 0 ? Object.keys(DRILLS) : positionals;
  const unknown = chosen.filter((name) => !(name in DRILLS));
  const from = values.from as RunFrom;
  if (unknown.length > 0 || (from !== 'dist' && from !== 'ts-node')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (from === 'dist') {
    const stale = staleBuilds(ROOT, ['enrollment', 'contributions', 'claims', 'payouts']);
    if (stale.length > 0) {
      log(`building ${stale.join(', ')} (sources newer than dist/)`);
      await buildApps(ROOT, stale).done;
    }
  }
  const results: { name: string; passed: boolean; ms: number }[] = [];
  for (const name of chosen) {
    const drill = DRILLS[name];
    if (drill === undefined) continue;
    const startedAt = new Date();
    const load = os.loadavg();
    log(`drill ${name}: ${drill.title}`);
    let record: DrillRecord;
    try {
      const outcome = await drill.run({ run: runId(), from });
      record = {
        drill: name,
        title: drill.title,
        startedAt,
        ms: Date.now() - +startedAt,
        passed: true,
        outcome,
        load,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`drill ${name} FAILED: ${message}`);
      const timings = error instanceof DrillFailure ? error.timings : {};
      record = {
        drill: name,
        title: drill.title,
        startedAt,
        ms: Date.now() - +startedAt,
        passed: false,
        outcome: { checks: [], timings },
        error: message,
        load,
      };
    }
    for (const [step, time] of Object.entries(record.outcome?.timings ?? {}))
      log(`  ${step}: ${time}`);
    for (const note of record.outcome?.notes ?? []) log(`  note: ${note}`);
    if (!values['no-record']) recordOutcome(record);
    results.push({ name, passed: record.passed, ms: record.ms });
  }
  for (const result of results)
    log(`drill ${result.name}: ${result.passed ? 'passed' : 'FAILED'} in ${seconds(result.ms)}`);
  return results.every((result) => result.passed) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `drill failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
