/**
 * Drill b: the platform on a three-broker KRaft cluster (replication factor 3,
 * min.insync.replicas 2; the services' producers send with acks=all and idempotence). While
 * the small scenario runs, the broker leading most partitions is killed with SIGKILL, left
 * down while the scenario goes on, then restarted. Then: the scenario passed, nothing lost
 * (every stored event on its topic: `audit verify`), the outboxes drained, every consumer
 * group caught up, every partition fully in sync again, no payout twice.
 */
import type { DrillContext, DrillOutcome } from './drill';
import { onDrillPlatform, scenarioUnderStrike } from './strike';
import { log, pause, seconds, waitFor } from './support';

/** How long the killed broker stays down while the scenario goes on. */
const DOWN_MS = 20_000;

export async function drillB(context: DrillContext): Promise<DrillOutcome> {
  return onDrillPlatform(
    context,
    { drill: 'b', brokers: 3, instances: 1 },
    async (platform, timings) => {
      const checks = await scenarioUnderStrike(platform, timings, {
        what: 'a broker killed',
        run: async (scenario) => {
          const step = 'sponsors enrol their workers by CSV';
          if (!(await platform.busyIn(scenario, step, 'enrollment', 40))) return false;
          const victim = await platform.cluster.busiestLeader(platform.topics);
          const killedAt = Date.now();
          await platform.cluster.kill(victim);
          log(`kill -9 Kafka broker ${victim} (the leader of most partitions)`);
          timings[`kill -9 broker ${victim}`] =
            `at ${seconds(killedAt - scenario.startedAt)} of the scenario`;
          const moved = await waitFor(
            'partitions led by the survivors',
            async () =>
              (await platform.cluster.underReplicated(platform.topics)) > 0 ? true : false,
            { timeoutMs: 60_000, intervalMs: 500 },
          ).then(
            () => Date.now() - killedAt,
            () => null,
          );
          timings['partitions under-replicated (leaders moved) after'] =
            moved === null ? 'not observed' : seconds(moved);
          await pause(Math.max(0, DOWN_MS - (Date.now() - killedAt)));
          const restartAt = Date.now();
          await platform.cluster.restart(victim);
          timings[`broker ${victim} down for`] = seconds(restartAt - killedAt);
          timings[`broker ${victim} serving again after restart`] = seconds(Date.now() - restartAt);
          await waitFor(
            'every partition in sync again (ISR = 3)',
            async () => (await platform.cluster.underReplicated(platform.topics)) === 0,
            { timeoutMs: 180_000, intervalMs: 1_000 },
          );
          timings['all partitions back in sync after restart'] = seconds(Date.now() - restartAt);
          return true;
        },
      });
      checks.push({
        name: 'replication',
        ok: (await platform.cluster.underReplicated(platform.topics)) === 0,
        detail: 'every partition of every topic has all 3 replicas in sync',
      });
      return checks;
    },
  );
}
