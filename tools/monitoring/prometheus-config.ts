/** One service Prometheus scrapes: its job name (the service's name) and `host:port`. */
export interface ScrapeTarget {
  readonly job: string;
  readonly target: string;
}

export interface PrometheusConfigOptions {
  /** The services; each is scraped at `/metrics` with the scrape token (ADR 0029). */
  readonly services: readonly ScrapeTarget[];
  /** Prometheus's own `host:port`, scraped without a token. */
  readonly self: string;
  /** The file holding the scrape token (`authorization: credentials_file`), never the token. */
  readonly credentialsFile: string;
  /** The alert rules (tools/monitoring/alerts.yml), relative to the config file or absolute. */
  readonly rulesFile: string;
  readonly scrapeInterval?: string;
}

const quoted = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * prometheus.yml for `npm run platform -- --monitoring` and for docker/compose.yml (whose copy,
 * docker/prometheus/prometheus.yml, a spec keeps equal to this). Written out by hand: a few
 * fixed keys, no YAML library needed at run time.
 */
export function prometheusConfig(options: PrometheusConfigOptions): string {
  const interval = options.scrapeInterval ?? '15s';
  const lines = [
    '# Made by tools/monitoring/prometheus-config.ts (ADR 0029); alerts: tools/monitoring/alerts.yml.',
    'global:',
    `  scrape_interval: ${interval}`,
    `  evaluation_interval: ${interval}`,
    'rule_files:',
    `  - ${quoted(options.rulesFile)}`,
    'scrape_configs:',
    '  - job_name: prometheus',
    '    static_configs:',
    `      - targets: [${quoted(options.self)}]`,
  ];
  for (const service of options.services) {
    lines.push(
      `  - job_name: ${service.job}`,
      '    metrics_path: /metrics',
      '    authorization:',
      '      type: Bearer',
      `      credentials_file: ${quoted(options.credentialsFile)}`,
      '    static_configs:',
      `      - targets: [${quoted(service.target)}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}
