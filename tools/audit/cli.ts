import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  AUDITED_SERVICES,
  NotFoundError,
  asOf,
  auditTargets,
  benefitsReport,
  explain,
  exportPeriod,
  isAuditedService,
  maskingReader,
  parsePosition,
  personalDataReader,
  readProgramLedger,
  renderAsOf,
  renderExplanation,
  renderExportVerification,
  renderProgramLedger,
  renderReplay,
  renderReport,
  renderVerification,
  replayReadModels,
  targetOf,
  verifyExport,
  verifyPlatform,
  type AuditTargets,
  type AuditedService,
  type Progress,
} from '@santunan/audit';
import type { StorePosition } from '@santunan/platform';
import { HELP } from './help';

/** Exit codes: 0 all good, 1 tampering or differences found, 2 bad usage, 3 not found, 4 failure. */
export const EXIT = { ok: 0, failed: 1, usage: 2, notFound: 3, error: 4 } as const;

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

class UsageError extends Error {}

const SERVICE_OPTIONS = Object.fromEntries(
  AUDITED_SERVICES.flatMap((service) => [
    [`${service}-database-url`, { type: 'string' }],
    [`${service}-topic`, { type: 'string' }],
  ]),
) as NonNullable<ParseArgsConfig['options']>;

const OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  'database-url': { type: 'string' },
  'keys-database-url': { type: 'string' },
  'no-keys': { type: 'boolean' },
  'no-kafka': { type: 'boolean' },
  brokers: { type: 'string' },
  service: { type: 'string', multiple: true },
  file: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
  period: { type: 'string' },
  program: { type: 'string' },
  'at-position': { type: 'string', multiple: true },
  at: { type: 'string' },
  ...SERVICE_OPTIONS,
};

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function text(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function list(values: Values, name: string): string[] {
  const value = values[name];
  return (Array.isArray(value) ? value : [])
    .flatMap((item) => String(item).split(','))
    .filter((item) => item !== '');
}

function required(values: Values, name: string): string {
  const value = text(values, name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

function servicesOf(values: Values): AuditedService[] | undefined {
  const names = list(values, 'service');
  if (names.length === 0) return undefined;
  for (const name of names)
    if (!isAuditedService(name)) throw new UsageError(`unknown service "${name}"`);
  return names as AuditedService[];
}

function targetsOf(
  values: Values,
  env: NodeJS.ProcessEnv,
  only?: readonly AuditedService[],
): AuditTargets {
  const databaseUrls: Partial<Record<AuditedService, string>> = {};
  const topics: Partial<Record<AuditedService, string>> = {};
  for (const service of AUDITED_SERVICES) {
    const url = text(values, `${service}-database-url`);
    const topic = text(values, `${service}-topic`);
    if (url !== undefined) databaseUrls[service] = url;
    if (topic !== undefined) topics[service] = topic;
  }
  const server = text(values, 'database-url');
  const keys = text(values, 'keys-database-url');
  const brokers = text(values, 'brokers');
  return auditTargets(
    {
      ...(server === undefined ? {} : { databaseServerUrl: server }),
      databaseUrls,
      topics,
      ...(values['no-keys'] === true
        ? { keysDatabaseUrl: null }
        : keys === undefined
          ? {}
          : { keysDatabaseUrl: keys }),
      ...(brokers === undefined ? {} : { kafkaBrokers: brokers.split(',') }),
      ...(only === undefined ? {} : { only }),
    },
    env,
  );
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Runs one audit command; returns the exit code. */
export async function runAudit(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(HELP['main'] ?? '');
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  const help = HELP[command];
  if (help === undefined || command === 'main') {
    io.err(`unknown command "${command}"\n\n${HELP['main'] ?? ''}`);
    return EXIT.usage;
  }
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...rest],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    }) as typeof parsed;
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${help}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values['help'] === true) {
    io.out(help);
    return EXIT.ok;
  }
  const progress: Progress =
    values['quiet'] === true ? () => undefined : (line) => io.err(`[audit] ${line}\n`);
  try {
    return await COMMANDS[command as keyof typeof COMMANDS]({ values, positionals, io, progress });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${help}`);
      return EXIT.usage;
    }
    if (error instanceof NotFoundError) {
      io.err(`${error.message}\n`);
      return EXIT.notFound;
    }
    io.err(
      `audit ${command} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.error;
  }
}

interface CommandContext {
  readonly values: Values;
  readonly positionals: readonly string[];
  readonly io: CliIo;
  readonly progress: Progress;
}

const COMMANDS = {
  verify: async ({ values, io, progress }: CommandContext): Promise<number> => {
    const file = text(values, 'file');
    if (file !== undefined) {
      const result = verifyExport(await readFile(file, 'utf8'));
      io.out(values['json'] === true ? json(result) : renderExportVerification(result, file));
      return result.ok ? EXIT.ok : EXIT.failed;
    }
    const targets = targetsOf(values, io.env, servicesOf(values));
    const result = await verifyPlatform(targets, {
      checkTopics: values['no-kafka'] !== true,
      progress,
    });
    io.out(values['json'] === true ? json(result) : renderVerification(result));
    return result.ok ? EXIT.ok : EXIT.failed;
  },

  export: async ({ values, io, progress }: CommandContext): Promise<number> => {
    const from = required(values, 'from');
    const to = required(values, 'to');
    const out = required(values, 'out');
    const targets = targetsOf(values, io.env, servicesOf(values));
    const stream = createWriteStream(out, { encoding: 'utf8' });
    const write = (line: string): Promise<void> =>
      new Promise((resolve, reject) => {
        if (stream.write(line)) resolve();
        else stream.once('drain', resolve).once('error', reject);
      });
    const result = await exportPeriod(targets, { from, to, progress }, write);
    await new Promise<void>((resolve, reject) =>
      stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    io.out(
      `exported ${result.events} events to ${out} (${Object.entries(result.byService)
        .map(([service, count]) => `${service} ${count}`)
        .join(', ')})\n`,
    );
    return EXIT.ok;
  },

  report: async ({ values, io, progress }: CommandContext): Promise<number> => {
    const programId = text(values, 'program');
    if (programId !== undefined) {
      // A sponsor program's ledger from the event store: what its console page must agree with.
      const ledger = await readProgramLedger(targetsOf(values, io.env), programId);
      io.out(values['json'] === true ? json(ledger) : renderProgramLedger(ledger));
      return EXIT.ok;
    }
    const period = required(values, 'period');
    const at: Partial<Record<AuditedService, StorePosition>> = {};
    for (const pin of list(values, 'at-position')) {
      const [service, position] = pin.split('=');
      if (service === undefined || position === undefined || !isAuditedService(service)) {
        throw new UsageError(`--at-position takes <service>=<txid>:<position>, got "${pin}"`);
      }
      at[service] = parsePosition(position);
    }
    const report = await benefitsReport(targetsOf(values, io.env), { period, at, progress });
    io.out(values['json'] === true ? json(report) : renderReport(report));
    return EXIT.ok;
  },

  explain: async ({ values, positionals, io }: CommandContext): Promise<number> => {
    const [kind, id] = positionals;
    if ((kind !== 'payout' && kind !== 'claim') || id === undefined) {
      throw new UsageError('explain takes: payout <payoutId> | claim <claimId>');
    }
    const targets = targetsOf(values, io.env);
    const personal =
      targets.keysDatabaseUrl === null
        ? maskingReader()
        : await personalDataReader(targets.keysDatabaseUrl);
    try {
      const explanation = await explain(targets, { kind, id }, personal);
      io.out(values['json'] === true ? json(explanation) : renderExplanation(explanation));
      return EXIT.ok;
    } finally {
      await personal.close();
    }
  },

  'as-of': async ({ values, positionals, io }: CommandContext): Promise<number> => {
    const [kind, id] = positionals;
    if ((kind !== 'participant' && kind !== 'claim' && kind !== 'program') || id === undefined) {
      throw new UsageError('as-of takes: participant|claim|program <id> --at <ISO instant>');
    }
    const at = required(values, 'at');
    const targets = targetsOf(values, io.env);
    const personal =
      targets.keysDatabaseUrl === null
        ? maskingReader()
        : await personalDataReader(targets.keysDatabaseUrl);
    try {
      const view = await asOf(targets, kind, id, at, personal);
      io.out(values['json'] === true ? json(view) : renderAsOf(view));
      return EXIT.ok;
    } finally {
      await personal.close();
    }
  },

  replay: async ({ values, positionals, io, progress }: CommandContext): Promise<number> => {
    const [service] = positionals;
    if (service === undefined || !isAuditedService(service)) {
      throw new UsageError(`replay takes one of: ${AUDITED_SERVICES.join(', ')}`);
    }
    const targets = targetsOf(values, io.env);
    // Loaded only here: the read models pull in the services' projection code.
    const { readModelsOf } = await import('./read-models');
    const { set, close } = readModelsOf(service, targets, io.env);
    try {
      const result = await replayReadModels(service, targetOf(targets, service).databaseUrl, set, {
        progress,
      });
      io.out(values['json'] === true ? json(result) : renderReplay(result));
      return result.ok ? EXIT.ok : EXIT.failed;
    } finally {
      await close();
    }
  },
};
