import {
  auditVerify,
  consumersCaughtUp,
  noPayoutTwice,
  outboxesDrained,
  requireAll,
  type CheckResult,
} from './checks';
import type { DrillContext, DrillOutcome } from './drill';
import { DrillPlatform, type DrillPlatformOptions, type ScenarioRun } from './drill-platform';
import { SERVICE_NAMES } from './fleet';
import { DrillFailure, failedWith, seconds } from './support';

/**
 * A drill on a platform of its own: `drill` returns its checks, which must all hold; the
 * timings it records are kept with a failure too, and the platform is stopped either way.
 */
export async function onDrillPlatform(
  context: DrillContext,
  options: Omit<DrillPlatformOptions, 'from'>,
  drill: (platform: DrillPlatform, timings: Record<string, string>) => Promise<CheckResult[]>,
): Promise<DrillOutcome> {
  const platform = new DrillPlatform({ ...options, from: context.from }, context.run);
  const timings: Record<string, string> = {};
  try {
    const checks = await drill(platform, timings);
    requireAll(checks);
    return { checks, timings };
  } catch (error) {
    throw failedWith(error, timings);
  } finally {
    await platform.stop();
  }
}

/** What a drill breaks while the scenario runs. */
export interface Strike {
  /** For the failure when it never happened, e.g. "PostgreSQL restarted". */
  readonly what: string;
  /** Waits for its moment in the scenario, strikes, records its timings; false: no moment came. */
  run(scenario: ScenarioRun): Promise<boolean>;
}

/**
 * The frame drills a–c share: the drill's platform started, the small scenario played while
 * `strike` breaks something, both required to have happened, then the checks every drill makes
 * (outboxes drained, consumers caught up, audit verify, no payout twice).
 */
export async function scenarioUnderStrike(
  platform: DrillPlatform,
  timings: Record<string, string>,
  strike: Strike,
): Promise<CheckResult[]> {
  const setup = Date.now();
  await platform.start();
  timings[`platform start (${platformSize(platform)})`] = seconds(Date.now() - setup);
  const scenario = platform.scenario();
  const struck = strike.run(scenario);
  const finished = await scenario.done;
  const happened = await struck;
  timings['scenario --small'] = seconds(finished.ms);
  if (finished.code !== 0) {
    const tail = scenario.output.slice(-15).join('\n');
    throw new DrillFailure(`the scenario failed (exit ${finished.code}):\n${tail}`);
  }
  if (!happened) throw new DrillFailure(`${strike.what}: did not happen during the scenario`);
  return [
    await outboxesDrained(platform.databases),
    await consumersCaughtUp(platform.kafka),
    await auditVerify(platform.env),
    await noPayoutTwice(platform.databases),
  ];
}

/** No instance died that the drill did not kill. */
export function instancesAlive(
  platform: DrillPlatform,
  name: string,
  allAlive: string,
): CheckResult {
  const crashed = platform.fleet.unexpectedExits();
  return {
    name,
    ok: crashed.length === 0,
    detail: crashed.length === 0 ? allAlive : `died: ${crashed.join(', ')}`,
  };
}

function platformSize(platform: DrillPlatform): string {
  const { brokers, instances } = platform.options;
  const nodes = typeof brokers === 'number' ? brokers : 'external';
  return `${nodes} broker${nodes === 1 ? '' : 's'}, ${instances * SERVICE_NAMES.length} instances`;
}
