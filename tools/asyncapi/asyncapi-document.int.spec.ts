// The AsyncAPI documents pass the AsyncAPI CLI (parser and its governance rules, the referenced
// JSON Schemas resolved and checked): no error, no warning. The CLI is large, so it has its own
// package: npm ci --prefix tools/asyncapi --no-audit --no-fund (.ci/run and tools/test/run.sh).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(__dirname, 'node_modules/.bin/asyncapi');
const DOCUMENTS = ['docs/asyncapi/santunan.asyncapi.yaml', 'docs/asyncapi/payouts.asyncapi.yaml'];

/** Spectral's severities: 0 error, 1 warning, 2 information, 3 hint. */
interface Diagnostic {
  readonly code: string;
  readonly message: string;
  readonly severity: number;
  readonly path: readonly (string | number)[];
  readonly source?: string;
}

function validate(document: string): {
  status: number | null;
  output: string;
  diagnostics: Diagnostic[];
} {
  const run = spawnSync(
    CLI,
    ['validate', document, '--fail-severity=warn', '--diagnostics-format=json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      // No usage metrics sent anywhere: the CLI reads its analytics switch from this file.
      env: {
        ...process.env,
        ASYNCAPI_METRICS_CONFIG_PATH: path.join(__dirname, 'analytics-disabled.json'),
      },
    },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  const start = run.stdout.indexOf('[');
  const diagnostics =
    start === -1
      ? []
      : (JSON.parse(run.stdout.slice(start, run.stdout.lastIndexOf(']') + 1)) as Diagnostic[]);
  return { status: run.status, output, diagnostics };
}

describe('the AsyncAPI documents', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) {
      throw new Error(
        `The AsyncAPI CLI is not installed (${path.relative(ROOT, CLI)} is missing): run ` +
          '`npm ci --prefix tools/asyncapi --no-audit --no-fund` first.',
      );
    }
  });

  it.each(DOCUMENTS)(
    '%s validates with the AsyncAPI CLI: no errors, no warnings',
    (document) => {
      const { status, output, diagnostics } = validate(document);
      const problems = diagnostics
        .filter((diagnostic) => diagnostic.severity <= 1)
        .map(
          (diagnostic) =>
            `${diagnostic.code} at ${diagnostic.path.join('.')}: ${diagnostic.message}`,
        );
      expect(problems).toEqual([]);
      if (status !== 0)
        throw new Error(`asyncapi validate exited with ${String(status)}:\n${output}`);
      expect(output).toContain('is valid');
    },
    180_000,
  );
});
