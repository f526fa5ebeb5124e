import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The architecture rule: rules, contracts and domain libraries import no framework or I/O
// client and reach for neither the clock nor randomness (eslint.config.mjs). ESLint runs
// as the CLI, in its own process, exactly as `npm run lint` does.
const root = path.resolve(__dirname, '../..');

interface LintMessage {
  ruleId: string | null;
  line: number;
  message: string;
}
interface LintResult {
  filePath: string;
  messages: LintMessage[];
}

function eslint(args: string[]): { status: number | null; results: LintResult[] } {
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...args],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (!run.stdout) throw new Error(`eslint printed nothing: ${run.stderr}`);
  return { status: run.status, results: JSON.parse(run.stdout) as LintResult[] };
}

const boundaryRules = new Set(['no-restricted-imports', 'no-restricted-syntax']);

describe('pure library boundaries', () => {
  it('fail lint for a deliberate violation, once per banned import and per clock/randomness call', () => {
    const { status, results } = eslint([
      '--no-ignore',
      'libs/contracts/src/__fixtures__/lint-violation/impure-contract.ts',
    ]);
    expect(status).toBe(1);
    const messages = results[0]!.messages;
    expect(messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line)).toEqual(
      [3, 4, 5, 6, 7],
    );
    expect(
      messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message),
    ).toEqual([
      'Pass the time in; no Date.now() in pure code.',
      'Pass the time in; no new Date() in pure code.',
      'Pass randomness in; no Math.random() in pure code.',
      'Pass ids in; no randomUUID() in pure code.',
    ]);
  }, 120_000);

  it('hold for every rules, contracts and domain source file in the workspace', () => {
    const { results } = eslint([
      '--no-error-on-unmatched-pattern',
      'libs/rules/src',
      'libs/contracts/src',
      'libs/*/domain',
    ]);
    const violations = results.flatMap((result) =>
      result.messages
        .filter((m) => m.ruleId !== null && boundaryRules.has(m.ruleId))
        .map((m) => `${path.relative(root, result.filePath)}:${m.line} ${m.message}`),
    );
    expect(results.length).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  }, 180_000);
});
