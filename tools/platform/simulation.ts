import { SIMULATED_CLOCK_START_VARIABLE } from '@santunan/platform';

/**
 * `--simulate-from <date|instant>`: the instant every service's simulated clock starts at, or
 * null (real time, the default). A bare date means 08:00 in Asia/Jakarta that day, when the
 * offices of the scenario open.
 */
export function simulationStartFromArguments(argv: readonly string[]): string | null {
  const index = argv.findIndex(
    (arg) => arg === '--simulate-from' || arg.startsWith('--simulate-from='),
  );
  if (index < 0) return null;
  const arg = argv[index] ?? '';
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  if (value === undefined || value === '')
    throw new Error('--simulate-from needs a date or an instant');
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T08:00:00+07:00` : value;
  const parsed = Date.parse(instant);
  if (Number.isNaN(parsed)) throw new Error(`--simulate-from: not a date or an instant: ${value}`);
  return new Date(parsed).toISOString();
}

/** The environment that puts every service on a simulated clock starting at `start`. */
export function simulationEnvironment(start: string | null): NodeJS.ProcessEnv {
  return start === null ? {} : { [SIMULATED_CLOCK_START_VARIABLE]: start };
}
