// The alert rules and both Prometheus configurations, checked by Prometheus's own tool: in
// `npm test`, so a rule that no longer parses or no longer fires as its test says fails CI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERVICES } from '../platform/services';
import { prometheusConfig, type PrometheusConfigOptions } from './prometheus-config';

const ROOT = path.resolve(__dirname, '../..');
const MONITORING = path.join(ROOT, 'tools/monitoring');

/** Runs promtool; fails with its output, or says how to install it when it is missing. */
function promtool(...args: string[]): string {
  const run = spawnSync('promtool', args, { cwd: MONITORING, encoding: 'utf8' });
  if (run.error) {
    throw new Error(
      `promtool is not installed (${run.error.message}): apt-get install prometheus — ` +
        'npm test checks the alert rules and the Prometheus configuration with it',
    );
  }
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`promtool ${args.join(' ')} failed:\n${output}`);
  return output;
}

/** docker/compose.yml's Prometheus: the services by their compose names, the token from a file. */
const COMPOSE_PROMETHEUS: PrometheusConfigOptions = {
  services: SERVICES.map((service) => ({
    job: service.name,
    target: `${service.name}:${service.port}`,
  })),
  self: 'localhost:9090',
  credentialsFile: '/tmp/scrape-token',
  rulesFile: 'alerts.yml',
};

describe('monitoring (promtool)', () => {
  it('the alert rules parse and pass their tests', () => {
    expect(promtool('check', 'rules', 'alerts.yml')).toContain('SUCCESS');
    expect(promtool('test', 'rules', 'alerts.test.yml')).toContain('SUCCESS');
  });

  it('npm run platform’s configuration and docker/compose.yml’s are valid', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'santunan-prometheus-'));
    const token = path.join(dir, 'scrape-token');
    fs.writeFileSync(token, 'a-scrape-token-for-promtool\n');
    fs.copyFileSync(path.join(MONITORING, 'alerts.yml'), path.join(dir, 'alerts.yml'));
    const local = path.join(dir, 'local.yml');
    fs.writeFileSync(
      local,
      prometheusConfig({
        services: SERVICES.map((service) => ({
          job: service.name,
          target: `127.0.0.1:${service.port}`,
        })),
        self: '127.0.0.1:9090',
        credentialsFile: token,
        rulesFile: path.join(MONITORING, 'alerts.yml'),
      }),
    );
    expect(promtool('check', 'config', local)).toContain('SUCCESS');
    // The compose copy, with the token file where this machine has one.
    const compose = path.join(dir, 'compose.yml');
    fs.writeFileSync(compose, prometheusConfig({ ...COMPOSE_PROMETHEUS, credentialsFile: token }));
    expect(promtool('check', 'config', compose)).toContain('SUCCESS');
  });

  it('docker/prometheus/prometheus.yml is the configuration made for compose', () => {
    expect(fs.readFileSync(path.join(ROOT, 'docker/prometheus/prometheus.yml'), 'utf8')).toBe(
      prometheusConfig(COMPOSE_PROMETHEUS),
    );
  });
});
