import { fixedClock, type Clock } from '../service/clock-and-ids';

/** Turns simulation mode on for a service process: the instant its clock starts at. */
export const SIMULATED_CLOCK_START_VARIABLE = 'SANTUNAN_SIMULATED_CLOCK_START';

export type ClockMove =
  | { readonly ok: true; readonly now: string }
  | { readonly ok: false; readonly now: string; readonly reason: 'invalid' | 'backwards' };

/**
 * The clock of a platform replaying history (ADR 0016). It stands still between settings:
 * every act between two moves happens at the same instant, so a replay is the same however
 * fast the machine is. It only moves forward — events already recorded must not be followed
 * by earlier ones.
 */
export class SimulatedClock implements Clock {
  private current: Clock;
  private instant: string;

  constructor(start: string) {
    const parsed = Date.parse(start);
    if (Number.isNaN(parsed)) throw new Error(`not an ISO-8601 instant: ${start}`);
    this.instant = new Date(parsed).toISOString();
    this.current = fixedClock(this.instant);
  }

  /** Moves now to `instant` (ISO-8601 with offset); refuses an earlier or unreadable one. */
  moveTo(instant: string): ClockMove {
    const parsed = Date.parse(instant);
    if (Number.isNaN(parsed)) return { ok: false, now: this.instant, reason: 'invalid' };
    if (parsed < Date.parse(this.instant))
      return { ok: false, now: this.instant, reason: 'backwards' };
    this.instant = new Date(parsed).toISOString();
    this.current = fixedClock(this.instant);
    return { ok: true, now: this.instant };
  }

  now(): string {
    return this.current.now();
  }

  today(): string {
    return this.current.today();
  }
}

/** A simulated clock when SANTUNAN_SIMULATED_CLOCK_START is set; otherwise none (real time). */
export function simulatedClockFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): SimulatedClock | undefined {
  const start = env[SIMULATED_CLOCK_START_VARIABLE];
  if (start === undefined || start === '') return undefined;
  if (Number.isNaN(Date.parse(start))) {
    throw new Error(`${SIMULATED_CLOCK_START_VARIABLE} must be an ISO-8601 instant: ${start}`);
  }
  return new SimulatedClock(start);
}
