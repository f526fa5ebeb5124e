import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { prometheusConfig, type ScrapeTarget } from './prometheus-config';

/** Debian's `prometheus` package (ADR 0029); PROMETHEUS_BIN names another binary. */
export const PROMETHEUS_BINARY = process.env['PROMETHEUS_BIN'] || 'prometheus';

export interface LocalPrometheusOptions {
  readonly root: string;
  readonly services: readonly ScrapeTarget[];
  /** The token every service's /metrics requires (METRICS_SCRAPE_TOKEN). */
  readonly scrapeToken: string;
  readonly port: number;
  readonly log: (line: string) => void;
}

export interface LocalPrometheus {
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** One target as Prometheus's /api/v1/targets reports it. */
interface ActiveTarget {
  readonly labels: Readonly<Record<string, string>>;
  readonly scrapeUrl: string;
  readonly health: 'up' | 'down' | 'unknown';
  readonly lastError: string;
}

/**
 * Starts Prometheus on 127.0.0.1 with its data in .local/prometheus: scraping every service
 * with the scrape token (kept in a 0600 file there, which `credentials_file` reads) and itself,
 * evaluating tools/monitoring/alerts.yml. Resolves once it answers /-/ready.
 */
export async function startLocalPrometheus(
  options: LocalPrometheusOptions,
): Promise<LocalPrometheus> {
  const home = path.join(options.root, '.local/prometheus');
  fs.mkdirSync(path.join(home, 'data'), { recursive: true });
  const credentialsFile = path.join(home, 'scrape-token');
  fs.writeFileSync(credentialsFile, `${options.scrapeToken}\n`, { mode: 0o600 });
  fs.chmodSync(credentialsFile, 0o600);
  const address = `127.0.0.1:${options.port}`;
  const configFile = path.join(home, 'prometheus.yml');
  fs.writeFileSync(
    configFile,
    prometheusConfig({
      services: options.services,
      self: address,
      credentialsFile,
      rulesFile: path.join(options.root, 'tools/monitoring/alerts.yml'),
    }),
  );
  const child = spawn(
    PROMETHEUS_BINARY,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(home, 'data')}`,
      '--storage.tsdb.retention.time=7d',
      `--web.listen-address=${address}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `--monitoring needs Prometheus: apt-get install prometheus (or PROMETHEUS_BIN=<path>)`,
            )
          : error,
      ),
    );
  });
  const prefix = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n'))
      if (line.trim() !== '') options.log(`[prometheus] ${line}`);
  };
  child.stdout?.on('data', prefix);
  child.stderr?.on('data', prefix);
  await spawned;
  const prometheus: LocalPrometheus = {
    url: `http://${address}`,
    process: child,
    stop: () => stopProcess(child),
  };
  try {
    await waitUntil(`Prometheus ready at ${prometheus.url}`, 60_000, child, async () => {
      const response = await fetch(`${prometheus.url}/-/ready`);
      return response.ok;
    });
  } catch (error) {
    await prometheus.stop();
    throw error;
  }
  return prometheus;
}

/**
 * Waits until Prometheus has scraped every job successfully (its targets page shows each
 * up); on timeout, says which are not and why.
 */
export async function waitUntilTargetsUp(
  prometheus: LocalPrometheus,
  jobs: readonly string[],
  timeoutMs = 180_000,
): Promise<readonly ActiveTarget[]> {
  let targets: readonly ActiveTarget[] = [];
  const down = (): ActiveTarget[] | string[] => {
    const missing = jobs.filter((job) => !targets.some((target) => target.labels['job'] === job));
    return missing.length > 0 ? missing : targets.filter((target) => target.health !== 'up');
  };
  try {
    await waitUntil('every target up', timeoutMs, prometheus.process, async () => {
      targets = await activeTargets(prometheus.url);
      return down().length === 0;
    });
  } catch (error) {
    const detail = down()
      .map((entry) =>
        typeof entry === 'string'
          ? `${entry}: not a target`
          : `${entry.labels['job']} ${entry.scrapeUrl}: ${entry.health} ${entry.lastError}`,
      )
      .join('; ');
    throw new Error(`${error instanceof Error ? error.message : String(error)}: ${detail}`);
  }
  return targets;
}

export async function activeTargets(url: string): Promise<ActiveTarget[]> {
  const response = await fetch(`${url}/api/v1/targets?state=active`);
  if (!response.ok) throw new Error(`GET /api/v1/targets: ${response.status}`);
  const body = (await response.json()) as { data: { activeTargets: ActiveTarget[] } };
  return body.data.activeTargets;
}

async function waitUntil(
  what: string,
  timeoutMs: number,
  child: ChildProcess,
  check: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited (${child.exitCode}): ${what}`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`not within ${timeoutMs / 1000} s: ${what}`);
}

function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
