import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESULTS_MARKER, recordOutcome, renderRecord, type DrillRecord } from './record';

const record = (drill: string, passed: boolean): DrillRecord => ({
  drill,
  title: `drill ${drill}`,
  startedAt: new Date('2026-12-07T10:57:06Z'),
  ms: 146_200,
  passed,
  load: [1, 2, 3],
  outcome: {
    checks: [{ name: 'audit verify', ok: passed, detail: 'exit 0' }],
    timings: { 'scenario --small': '40.9 s' },
  },
  ...(passed ? {} : { error: 'the scenario failed\nat step x' }),
});

describe('drill records in docs/reliability.md', () => {
  it('renders the outcome, the timings and the checks', () => {
    const text = renderRecord(record('a', false));
    expect(text).toContain('### 2026-12-07 10:57 UTC — drill a: FAILED');
    expect(text).toContain('| scenario --small | 40.9 s |');
    expect(text).toContain('- **FAILED** — audit verify: exit 0');
    expect(text).toContain('- **failure**: the scenario failed at step x');
  });

  it('puts the newest record first, under the marker, keeping the rest of the file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'drill-record-')), 'r.md');
    fs.writeFileSync(file, `# Reliability\n\nintro\n\n## Results\n\n${RESULTS_MARKER}\n`);
    recordOutcome(record('a', true), file);
    recordOutcome(record('b', true), file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('# Reliability\n\nintro')).toBe(true);
    expect(text.indexOf('drill b: passed')).toBeLessThan(text.indexOf('drill a: passed'));
    expect(text.indexOf(RESULTS_MARKER)).toBeLessThan(text.indexOf('drill b: passed'));
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
