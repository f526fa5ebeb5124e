import { UsageError, optionsHelp, parseOptions } from './harness';

// The benchmarks' command line: every program declares its options once, and gets the same
// forms, environment fallbacks, checks and --help.
const spec = {
  rows: { type: 'integer', env: 'BENCH_ROWS', default: 100, help: 'rows' },
  batch: { type: 'integer', env: 'BENCH_BATCH', help: 'rows per batch' },
  months: { type: 'integer', default: 12, max: 12, help: 'months' },
  size: { type: 'choice', choices: ['full', 'small'], default: 'full', help: 'the sizes' },
  only: { type: 'list', choices: ['a', 'b', 'c'], default: ['a', 'b'], help: 'the parts' },
} as const;

describe('the benchmark harness', () => {
  it('takes the defaults when nothing is given', () => {
    expect(parseOptions(spec, [], {})).toEqual({
      rows: 100,
      batch: undefined,
      months: 12,
      size: 'full',
      only: ['a', 'b'],
    });
  });

  it('reads --name value and --name=value, then the environment, then the default', () => {
    expect(
      parseOptions(spec, ['--rows', '7', '--size=small', '--only', 'c,a'], {
        BENCH_ROWS: '9',
        BENCH_BATCH: '50',
      }),
    ).toEqual({ rows: 7, batch: 50, months: 12, size: 'small', only: ['c', 'a'] });
  });

  it('refuses what it does not know, and values out of range', () => {
    const refusal = (argv: string[], env: NodeJS.ProcessEnv = {}): string => {
      try {
        parseOptions(spec, argv, env);
        return 'accepted';
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
    };
    expect(refusal(['--workers', '3'])).toBe('unknown option --workers');
    expect(refusal(['small'])).toBe('unexpected argument small');
    expect(refusal(['--rows'])).toBe('--rows needs a value');
    expect(refusal(['--rows', '0'])).toBe('--rows must be a positive integer');
    expect(refusal([], { BENCH_ROWS: 'many' })).toBe('BENCH_ROWS must be a positive integer');
    expect(refusal(['--months', '13'])).toBe('--months is at most 12');
    expect(refusal(['--size', 'tiny'])).toBe('--size is full or small; not tiny');
    expect(refusal(['--only', 'a,d'])).toBe('--only takes a,b,c; not d');
  });

  it('lists the options, their defaults and environment variables for --help', () => {
    expect(optionsHelp(spec).split('\n')).toEqual([
      '  --rows N           rows (default 100; env BENCH_ROWS)',
      '  --batch N          rows per batch (env BENCH_BATCH)',
      '  --months N         months (default 12)',
      '  --size full|small  the sizes (default full)',
      '  --only a,b         the parts (of a,b,c; default a,b)',
    ]);
  });
});
