/**
 * Drill a: two instances of every service behind a round-robin proxy; while the small NTT
 * scenario runs, `kill -9` instance 1 of each service (the one that took the leaderships) in
 * the middle of the step that works that service hardest. Then: the scenario passed, the
 * outboxes drained, every consumer group caught up, `audit verify` OK (no event missing from
 * a topic), no payout twice. Timings: how long after each kill the survivor's outbox relay
 * took over, and the scenario's duration.
 */
import type { DrillPlatform, ScenarioRun } from './drill-platform';
import type { ServiceName } from './fleet';
import type { DrillContext, DrillOutcome } from './drill';
import { instancesAlive, onDrillPlatform, scenarioUnderStrike } from './strike';
import { log, pause, seconds, waitFor } from './support';

/** When to kill each service's first instance: in the step that drives it, once it is busy. */
export const KILL_PLAN: readonly { service: ServiceName; step: string; events: number }[] = [
  { service: 'enrollment', step: 'sponsors enrol their workers by CSV', events: 40 },
  { service: 'contributions', step: 'treasuries pay twelve months', events: 40 },
  { service: 'claims', step: 'claims: maker proposes, checker approves', events: 5 },
  { service: 'payouts', step: 'finance pays out through the bank', events: 1 },
];

export interface KillRecord {
  readonly instance: string;
  readonly step: string;
  readonly atScenarioMs: number;
  /** From the kill to the survivor's "outbox relay: became leader"; null if none was seen. */
  readonly relayTakeoverMs: number | null;
  /** From the kill to the broker dropping the dead member from the service's groups. */
  readonly groupsRebalancedMs: number | null;
}

export async function drillA(context: DrillContext): Promise<DrillOutcome> {
  return onDrillPlatform(
    context,
    { drill: 'a', brokers: 1, instances: 2 },
    async (platform, timings) => {
      const checks = await scenarioUnderStrike(platform, timings, {
        what: `all ${KILL_PLAN.length} kills`,
        run: async (scenario) => {
          const kills = KILL_PLAN.map((plan) => killDuringStep(platform, scenario, plan));
          const killed = (await Promise.all(kills)).filter(
            (kill): kill is KillRecord => kill !== null,
          );
          for (const kill of killed) {
            timings[`kill -9 ${kill.instance}`] =
              `at ${seconds(kill.atScenarioMs)} (${kill.step}); relay takeover ` +
              (kill.relayTakeoverMs === null
                ? 'not observed'
                : `after ${seconds(kill.relayTakeoverMs)}`) +
              '; consumer groups without the dead member ' +
              (kill.groupsRebalancedMs === null
                ? 'not observed'
                : `after ${seconds(kill.groupsRebalancedMs)}`);
          }
          return killed.length === KILL_PLAN.length;
        },
      });
      checks.push(instancesAlive(platform, 'survivors alive', 'no instance died unasked'));
      return checks;
    },
  );
}

/** Waits until the service is busy in the plan's step, then kills its instance 1. */
async function killDuringStep(
  platform: DrillPlatform,
  scenario: ScenarioRun,
  plan: (typeof KILL_PLAN)[number],
): Promise<KillRecord | null> {
  if (!(await platform.busyIn(scenario, plan.step, plan.service, plan.events))) return null;
  const victim = platform.fleet.instance(plan.service, 1);
  const survivor = platform.fleet.instance(plan.service, 2);
  const groups = await platform.cluster.groupMembers(plan.service);
  await victim.kill9();
  const killedAt = victim.killedAt ?? Date.now();
  log(`kill -9 ${victim.label} (pid ${victim.pid}) during "${plan.step}"`);
  // The survivor's relay asks for the lock every second: a generous bound to see it.
  let takeover: number | null = null;
  const bound = Date.now() + 30_000;
  while (Date.now() < bound) {
    const line = survivor.lineAfter(killedAt, 'outbox relay: became leader');
    if (line !== undefined) {
      takeover = line.at - killedAt;
      break;
    }
    await pause(100);
  }
  // A killed consumer leaves no group: the broker drops it when its session times out.
  const rebalanced = await waitFor(
    `${plan.service}'s consumer groups without the dead member`,
    async () => {
      const now = await platform.cluster.groupMembers(plan.service);
      return [...groups].every(([group, members]) => (now.get(group) ?? 0) < members);
    },
    { timeoutMs: 120_000, intervalMs: 250 },
  ).then(
    () => Date.now() - killedAt,
    () => null,
  );
  return {
    instance: victim.label,
    step: plan.step,
    atScenarioMs: killedAt - scenario.startedAt,
    relayTakeoverMs: takeover,
    groupsRebalancedMs: rebalanced,
  };
}
