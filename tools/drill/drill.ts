/** What a drill is given and what it gives back (main.ts runs them and records the outcome). */
import type { RunFrom } from '../platform/services';
import type { CheckResult } from './checks';

export interface DrillContext {
  /** Names this run's databases and folders. */
  readonly run: string;
  /** Services from their build (dist/, what ships) or from TypeScript. */
  readonly from: RunFrom;
}

export interface DrillOutcome {
  readonly checks: readonly CheckResult[];
  /** What took how long, in words (written to docs/reliability.md as they are). */
  readonly timings: Readonly<Record<string, string>>;
  /** Anything else worth recording (e.g. a part that could not run yet). */
  readonly notes?: readonly string[];
}

export type Drill = (context: DrillContext) => Promise<DrillOutcome>;
