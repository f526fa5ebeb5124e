import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);

export const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
const KAFKA_SCRIPT = path.join(WORKSPACE_ROOT, 'tools/kafka/kafka.sh');

export interface LocalKafkaBrokerOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly controllerPort: number;
}

/**
 * A real single-node KRaft broker run from the Maven-fetched jars by tools/kafka/kafka.sh.
 * Start and stop keep the data folder, so a restart sees every message written before.
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
    return this.script('start');
  }

  stop(): Promise<void> {
    return this.script('stop');
  }

  private async script(command: 'start' | 'stop'): Promise<void> {
    await run('bash', [KAFKA_SCRIPT, command], {
      env: {
        ...process.env,
        KAFKA_DATA_DIR: this.options.dataDir,
        KAFKA_PORT: String(this.options.port),
        KAFKA_CONTROLLER_PORT: String(this.options.controllerPort),
      },
      timeout: 180_000,
    });
  }
}
