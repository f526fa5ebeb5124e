/**
 * The services as a drill runs them: each instance its own process, started the way
 * `npm run platform` starts them (tools/platform/services.ts), from the build or from
 * TypeScript, on this drill's databases and broker. Instances of one service share its
 * database and its consumer groups; a round-robin proxy per service (http-proxy.ts) is the
 * address the scenario talks to. Every instance's output goes to one log file, and the lines
 * are kept with their time, so a drill can tell when a survivor took over a leadership.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  SERVICES,
  startService,
  stopService,
  waitUntilHealthy,
  type RunFrom,
  type RunningService,
} from '../platform/services';
import { RoundRobinProxy } from './http-proxy';
import { ROOT, freePort, log, seconds } from './support';

export type ServiceName = (typeof SERVICES)[number]['name'];
export const SERVICE_NAMES: readonly ServiceName[] = SERVICES.map((service) => service.name);

export interface LogLine {
  readonly at: number;
  readonly text: string;
}

export class ServiceInstance {
  readonly lines: LogLine[] = [];
  private running: RunningService | undefined;
  /** When the instance was killed (ms since epoch), if it was. */
  killedAt: number | undefined;

  constructor(
    readonly service: ServiceName,
    readonly index: number,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly from: RunFrom,
    private readonly logFile: number,
  ) {}

  get label(): string {
    return `${this.service}#${this.index}`;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.running?.process.pid;
  }

  get alive(): boolean {
    const child = this.running?.process;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  start(): void {
    this.running = startService(
      ROOT,
      { name: this.service, port: this.port },
      { ...this.env, [`${this.service.toUpperCase()}_PORT`]: String(this.port) },
      (text) => {
        this.lines.push({ at: Date.now(), text });
        fs.writeSync(this.logFile, `${new Date().toISOString()} ${this.label} ${text}\n`);
      },
      this.from,
    );
  }

  async waitUntilHealthy(timeoutMs = 240_000): Promise<void> {
    if (this.running === undefined) throw new Error(`${this.label} was not started`);
    await waitUntilHealthy(this.running, timeoutMs);
  }

  /** kill -9: no shutdown hook runs, the kernel closes its sockets. */
  async kill9(): Promise<void> {
    const child = this.running?.process;
    if (child === undefined || !this.alive) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.killedAt = Date.now();
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    if (this.running !== undefined && this.alive) await stopService(this.running);
  }

  /** The first log line after `since` containing `needle`, with its time. */
  lineAfter(since: number, needle: string): LogLine | undefined {
    return this.lines.find((line) => line.at >= since && line.text.includes(needle));
  }
}

export interface FleetOptions {
  /** Instances per service (1 or 2). */
  readonly instances: number;
  readonly services?: readonly ServiceName[];
  readonly env: NodeJS.ProcessEnv;
  readonly from: RunFrom;
  /** Where the instances' output goes. */
  readonly logPath: string;
}

export class Fleet {
  readonly instances: ServiceInstance[] = [];
  private readonly proxies = new Map<ServiceName, RoundRobinProxy>();
  private readonly logFile: number;

  private constructor(private readonly options: FleetOptions) {
    fs.mkdirSync(path.dirname(options.logPath), { recursive: true });
    this.logFile = fs.openSync(options.logPath, 'a');
  }

  /**
   * Starts instance 1 of every service and waits until they answer, then the others: the first
   * instances take the leaderships (relays, scheduler), which is what a drill kills.
   */
  static async start(options: FleetOptions): Promise<Fleet> {
    const fleet = new Fleet(options);
    const services = options.services ?? SERVICE_NAMES;
    const started = Date.now();
    try {
      for (let index = 1; index <= options.instances; index += 1) {
        const wave: ServiceInstance[] = [];
        for (const service of services) {
          const instance = new ServiceInstance(
            service,
            index,
            await freePort(),
            options.env,
            options.from,
            fleet.logFile,
          );
          fleet.instances.push(instance);
          wave.push(instance);
          instance.start();
        }
        await Promise.all(wave.map((instance) => instance.waitUntilHealthy()));
      }
      for (const service of services) {
        const proxy = await RoundRobinProxy.start(
          service,
          fleet.of(service).map((instance) => instance.url),
        );
        fleet.proxies.set(service, proxy);
      }
    } catch (error) {
      await fleet.stop();
      throw new Error(
        `starting the services failed (log: ${options.logPath}): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    log(
      `${fleet.instances.length} service instance(s) up in ${seconds(Date.now() - started)} ` +
        `(${options.instances} per service, from ${options.from}); log ${options.logPath}`,
    );
    return fleet;
  }

  of(service: ServiceName): ServiceInstance[] {
    return this.instances.filter((instance) => instance.service === service);
  }

  instance(service: ServiceName, index: number): ServiceInstance {
    const found = this.instances.find(
      (instance) => instance.service === service && instance.index === index,
    );
    if (found === undefined) throw new Error(`no instance ${service}#${index}`);
    return found;
  }

  /** The address of each service: its proxy (both instances behind it). */
  urls(): Record<ServiceName, string> {
    const urls: Partial<Record<ServiceName, string>> = {};
    for (const [service, proxy] of this.proxies) urls[service] = proxy.url;
    return urls as Record<ServiceName, string>;
  }

  /** Instances that died without being killed by the drill (a crash is a finding). */
  unexpectedExits(): string[] {
    return this.instances
      .filter((instance) => !instance.alive && instance.killedAt === undefined)
      .map((instance) => instance.label);
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.proxies.values()].map((proxy) => proxy.stop()));
    await Promise.allSettled(this.instances.map((instance) => instance.stop()));
    fs.closeSync(this.logFile);
  }
}
