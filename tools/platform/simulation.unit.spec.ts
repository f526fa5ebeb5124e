import { simulationEnvironment, simulationStartFromArguments } from './simulation';

describe('npm run platform -- --simulate-from', () => {
  it('is off by default', () => {
    expect(simulationStartFromArguments([])).toBeNull();
    expect(simulationEnvironment(null)).toEqual({});
  });

  it('starts a bare date at 08:00 in Asia/Jakarta', () => {
    const start = simulationStartFromArguments(['--simulate-from', '2026-01-05']);
    expect(start).toBe('2026-01-05T01:00:00.000Z');
    expect(simulationEnvironment(start)).toEqual({
      SANTUNAN_SIMULATED_CLOCK_START: '2026-01-05T01:00:00.000Z',
    });
  });

  it('takes an instant, with = too, and refuses anything else', () => {
    expect(simulationStartFromArguments(['--simulate-from=2026-02-01T00:00:00Z'])).toBe(
      '2026-02-01T00:00:00.000Z',
    );
    expect(() => simulationStartFromArguments(['--simulate-from'])).toThrow(/needs/);
    expect(() => simulationStartFromArguments(['--simulate-from', 'januari'])).toThrow(
      /not a date/,
    );
  });
});
