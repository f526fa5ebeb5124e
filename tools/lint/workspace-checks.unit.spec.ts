import { spawnSync } from 'node:child_process';
import path from 'node:path';

// Jest transpiles without type checking (fast, per file); these two keep the whole
// workspace honest: strict TypeScript and type-aware ESLint, as `npm run typecheck` and
// `npm run lint` run them.
const root = path.resolve(__dirname, '../..');

function runNode(script: string, args: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [path.join(root, script), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the workspace', () => {
  it('type-checks under strict settings', () => {
    const { status, output } = runNode('node_modules/typescript/bin/tsc', [
      '-p',
      'tsconfig.json',
      '--noEmit',
    ]);
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 300_000);

  it('passes type-aware lint', () => {
    const { status, output } = runNode('node_modules/eslint/bin/eslint.js', [
      '.',
      '--max-warnings',
      '0',
    ]);
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 600_000);
});
