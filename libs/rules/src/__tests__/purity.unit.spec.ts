import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The rules library is pure: no framework, no I/O, no clock, no randomness. The lint rule
// that enforces it (and its proof on a deliberate violation) lives in tools/lint; this
// checks the stricter promise that the library imports nothing from outside itself.
const src = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === '__fixtures__' || entry.name === '__tests__' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('rules library purity', () => {
  it('imports nothing from outside the library', () => {
    const files = sourceFiles(src);
    expect(files.length).toBeGreaterThan(40);
    const outside = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)]
        .map((match) => match[1] ?? '')
        .filter((specifier) => !specifier.startsWith('./') && !specifier.startsWith('../'))
        .map((specifier) => `${path.relative(src, file)} imports ${specifier}`),
    );
    expect(outside).toEqual([]);
  });
});
