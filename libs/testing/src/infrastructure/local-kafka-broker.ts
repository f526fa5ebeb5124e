import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);

export const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
const KAFKA_SCRIPT = path.join(WORKSPACE_ROOT, 'tools/kafka/kafka.sh');

/** What kafka.sh creates its users with (SCRAM-SHA-512). */
export interface LocalKafkaCredentials {
  readonly mechanism: 'scram-sha-512';
  readonly username: string;
  readonly password: string;
}

export interface LocalKafkaBrokerOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly controllerPort: number;
}

/**
 * A real single-node KRaft broker run from the Maven-fetched jars by tools/kafka/kafka.sh.
 * Start and stop keep the data folder, so a restart sees every message written before. It
 * authenticates (SASL/SCRAM) and authorizes by ACL as kafka.sh runs it (ADR 0024): its users
 * and passwords come from `credentials()`.
 */
export class LocalKafkaBroker {
  constructor(readonly options: LocalKafkaBrokerOptions) {}

  static async onFreePorts(dataDir: string): Promise<LocalKafkaBroker> {
    return new LocalKafkaBroker({
      dataDir,
      port: await freePort(),
      controllerPort: await freePort(),
    });
  }

  get bootstrap(): string {
    return `127.0.0.1:${this.options.port}`;
  }

  start(): Promise<void> {
    return this.script('start').then(() => undefined);
  }

  stop(): Promise<void> {
    return this.script('stop').then(() => undefined);
  }

  /**
   * `kafka.sh credentials` as variables: KAFKA_SASL_* for admin, `<PRINCIPAL>_KAFKA_*` for the
   * services, audit and finance. Known once the broker has started.
   */
  async credentials(): Promise<Record<string, string>> {
    const lines = await this.script('credentials');
    return Object.fromEntries<string>(
      lines
        .split('\n')
        .map((line) => /^export ([A-Z0-9_]+)=(.*)$/.exec(line.trim()))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match): [string, string] => [match[1] ?? '', match[2] ?? '']),
    );
  }

  /**
   * One principal's credentials on this broker (default admin, the super user): a KafkaSasl
   * (@santunan/platform), built here as global setup cannot use the path aliases.
   */
  async sasl(principal = 'admin'): Promise<LocalKafkaCredentials> {
    const environment = await this.credentials();
    const prefix = principal === 'admin' ? 'KAFKA_SASL' : `${principal.toUpperCase()}_KAFKA`;
    const username = environment[`${prefix}_USERNAME`];
    const password = environment[`${prefix}_PASSWORD`];
    if (username === undefined || password === undefined) {
      throw new Error(`the broker at ${this.bootstrap} has no user ${principal}`);
    }
    return { mechanism: 'scram-sha-512', username, password };
  }

  private async script(command: 'start' | 'stop' | 'credentials'): Promise<string> {
    const { stdout } = await run('bash', [KAFKA_SCRIPT, command], {
      env: {
        ...process.env,
        KAFKA_DATA_DIR: this.options.dataDir,
        KAFKA_PORT: String(this.options.port),
        KAFKA_CONTROLLER_PORT: String(this.options.controllerPort),
      },
      timeout: 180_000,
    });
    return stdout;
  }
}
