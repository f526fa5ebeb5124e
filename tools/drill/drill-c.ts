/**
 * Drill c: PostgreSQL restarted (fast shutdown: every session ends, in-flight transactions
 * roll back) while the small scenario runs against two instances of every service. Then:
 * the scenario passed (services held their requests or answered 5xx, which the scenario
 * retries, and resumed), nothing half-written — hash chains and topics verify, outboxes
 * drained, consumers caught up, the read models rebuilt from the events equal the live ones —
 * and no payout twice. This restarts the machine's server: everyone using it notices.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { canConnect } from '@santunan/platform';
import { POSTGRES_SERVER, auditReplay } from './checks';
import { SERVICE_NAMES } from './fleet';
import type { DrillContext, DrillOutcome } from './drill';
import { instancesAlive, onDrillPlatform, scenarioUnderStrike } from './strike';
import { DrillFailure, log, seconds, waitFor } from './support';

/** The machine's cluster: `pg_ctlcluster <version> main`, the version from /etc/postgresql. */
function clusterVersion(): string {
  const versions = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql') : [];
  const version = versions.sort().at(-1);
  if (version === undefined)
    throw new DrillFailure(
      "no /etc/postgresql: drill c restarts the machine's PostgreSQL with pg_ctlcluster",
    );
  return version;
}

export async function drillC(context: DrillContext): Promise<DrillOutcome> {
  const version = clusterVersion();
  return onDrillPlatform(
    context,
    { drill: 'c', brokers: 1, instances: 2 },
    async (platform, timings) => {
      const checks = await scenarioUnderStrike(platform, timings, {
        what: 'PostgreSQL restarted',
        run: async (scenario) => {
          const step = 'treasuries pay twelve months';
          if (!(await platform.busyIn(scenario, step, 'contributions', 40))) return false;
          const at = Date.now();
          log(`pg_ctlcluster ${version} main restart -m fast (the machine's PostgreSQL)`);
          const restart = spawnSync(
            'pg_ctlcluster',
            ['--skip-systemctl-redirect', version, 'main', 'restart', '-m', 'fast'],
            { encoding: 'utf8', timeout: 120_000 },
          );
          if (restart.status !== 0)
            throw new DrillFailure(
              `pg_ctlcluster restart failed: ${restart.stderr || restart.stdout}`,
            );
          timings['PostgreSQL restart (pg_ctlcluster, fast)'] = seconds(Date.now() - at);
          await waitFor(
            'PostgreSQL accepting connections',
            () => canConnect(POSTGRES_SERVER, 1_000),
            { timeoutMs: 60_000 },
          );
          timings['PostgreSQL accepting again after'] = seconds(Date.now() - at);
          timings['restart at'] = `${seconds(at - scenario.startedAt)} of the scenario`;
          await Promise.all(
            platform.fleet.instances.map((instance) =>
              waitFor(
                `${instance.label} healthy after the restart`,
                async () => (await fetch(`${instance.url}/health`)).ok,
                { timeoutMs: 120_000 },
              ),
            ),
          );
          timings['every instance healthy again after'] = seconds(Date.now() - at);
          return true;
        },
      });
      for (const service of SERVICE_NAMES) checks.push(await auditReplay(service, platform.env));
      checks.push(
        instancesAlive(platform, 'services alive', 'every instance survived the restart'),
      );
      return checks;
    },
  );
}
