import { fixedClock, type Clock } from '@santunan/platform';

/** A clock a test moves by hand: the scheduler's months pass when the test says so. */
export class TestClock implements Clock {
  private clock: Clock;

  constructor(instant: string) {
    this.clock = fixedClock(instant);
  }

  /** Sets now to `instant` (ISO-8601 with offset); today follows in Asia/Jakarta. */
  set(instant: string): void {
    this.clock = fixedClock(instant);
  }

  now(): string {
    return this.clock.now();
  }

  today(): string {
    return this.clock.today();
  }
}
