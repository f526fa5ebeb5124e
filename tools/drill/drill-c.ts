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
import { Client } from 'pg';
import {
  POSTGRES_SERVER,
  auditReplay,
  auditVerify,
  consumersCaughtUp,
  noPayoutTwice,
  outboxesDrained,
  requireAll,
  type CheckResult,
} from './checks';
import { DrillPlatform } from './drill-platform';
import { SERVICE_NAMES } from './fleet';
import type { DrillContext, DrillOutcome } from './drill';
import { DrillFailure, failedWith, log, seconds, waitFor } from './support';

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

async function accepts(): Promise<boolean> {
  const client = new Client({ connectionString: POSTGRES_SERVER, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function drillC(context: DrillContext): Promise<DrillOutcome> {
  const version = clusterVersion();
  const platform = new DrillPlatform(
    { drill: 'c', brokers: 1, instances: 2, from: context.from },
    context.run,
  );
  const timings: Record<string, string> = {};
  try {
    const setup = Date.now();
    await platform.start();
    timings['platform start (1 broker, 8 instances)'] = seconds(Date.now() - setup);
    const scenario = platform.scenario();
    const fault = (async (): Promise<boolean> => {
      if (!(await platform.busyIn(scenario, 'treasuries pay twelve months', 'contributions', 40)))
        return false;
      const at = Date.now();
      log(`pg_ctlcluster ${version} main restart -m fast (the machine's PostgreSQL)`);
      const restart = spawnSync(
        'pg_ctlcluster',
        ['--skip-systemctl-redirect', version, 'main', 'restart', '-m', 'fast'],
        { encoding: 'utf8', timeout: 120_000 },
      );
      if (restart.status !== 0)
        throw new DrillFailure(`pg_ctlcluster restart failed: ${restart.stderr || restart.stdout}`);
      timings['PostgreSQL restart (pg_ctlcluster, fast)'] = seconds(Date.now() - at);
      await waitFor('PostgreSQL accepting connections', accepts, { timeoutMs: 60_000 });
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
    })();
    const finished = await scenario.done;
    const faulted = await fault;
    timings['scenario --small'] = seconds(finished.ms);
    if (finished.code !== 0) {
      const tail = scenario.output.slice(-15).join('\n');
      throw new DrillFailure(`the scenario failed (exit ${finished.code}):\n${tail}`);
    }
    if (!faulted) throw new DrillFailure('PostgreSQL was not restarted during the scenario');
    const checks: CheckResult[] = [
      await outboxesDrained(platform.databases),
      await consumersCaughtUp(platform.kafka),
      await auditVerify(platform.env),
      await noPayoutTwice(platform.databases),
    ];
    for (const service of SERVICE_NAMES) checks.push(await auditReplay(service, platform.env));
    const crashed = platform.fleet.unexpectedExits();
    checks.push({
      name: 'services alive',
      ok: crashed.length === 0,
      detail:
        crashed.length === 0
          ? 'every instance survived the restart'
          : `died: ${crashed.join(', ')}`,
    });
    requireAll(checks);
    return { checks, timings };
  } catch (error) {
    throw failedWith(error, timings);
  } finally {
    await platform.stop();
  }
}
