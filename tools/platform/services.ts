import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { localEventKeys } from '@santunan/platform';

/** The four services and their default ports; each runs as its own process. */
export const SERVICES = [
  { name: 'enrollment', port: 3001 },
  { name: 'contributions', port: 3002 },
  { name: 'claims', port: 3003 },
  { name: 'payouts', port: 3004 },
] as const;

/** A process the runner starts from dist/apps/<name>/main.js, listening on <NAME>_PORT. */
export interface ServiceProcess {
  readonly name: string;
  readonly port: number;
}

/** The console (apps/console): the people's web app in front of the four services. */
export const CONSOLE: ServiceProcess = { name: 'console', port: 3000 };

/**
 * How a service runs: `dist`, the build (`nx build <name>`, ADR 0018) — what ships and what
 * the runner starts; `ts-node`, from TypeScript as the `serve` targets do (for comparison).
 */
export type RunFrom = 'dist' | 'ts-node';

/** Node's arguments to run a TypeScript entry point of this workspace from source. */
export function typeScriptEntry(file: string): string[] {
  return ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', file];
}

/** Node's arguments for a service, run from the build or from its TypeScript. */
export function serviceArguments(name: string, from: RunFrom = 'dist'): string[] {
  return from === 'dist'
    ? [path.join('dist/apps', name, 'main.js')]
    : typeScriptEntry(path.join('apps', name, 'src/main.ts'));
}

export interface RunningService {
  readonly name: string;
  readonly url: string;
  readonly process: ChildProcess;
}

/** Services whose composition root exists in this checkout. */
export function availableServices(root: string): (typeof SERVICES)[number][] {
  return SERVICES.filter((service) => isAvailable(root, service));
}

export function isAvailable(root: string, service: ServiceProcess): boolean {
  return fs.existsSync(path.join(root, 'apps', service.name, 'src/main.ts'));
}

/** `<SERVICE>_PORT` when set (e.g. a second platform beside the default one), else the default. */
export function servicePort(service: ServiceProcess, env: NodeJS.ProcessEnv): number {
  const raw = env[`${service.name.toUpperCase()}_PORT`];
  return raw === undefined || raw === '' ? service.port : Number(raw);
}

export function startService(
  root: string,
  service: ServiceProcess,
  env: NodeJS.ProcessEnv,
  /** Each line the service writes, with the service's name (its JSON log lines as they are). */
  log: (line: string, service: string) => void,
  from: RunFrom = 'dist',
): RunningService {
  const port = servicePort(service, env);
  const child = spawn(process.execPath, serviceArguments(service.name, from), {
    cwd: root,
    env: { ...env, [`${service.name.toUpperCase()}_PORT`]: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n'))
      if (line.trim() !== '') log(line, service.name);
  };
  child.stdout?.on('data', prefix);
  child.stderr?.on('data', prefix);
  return { name: service.name, url: `http://127.0.0.1:${port}`, process: child };
}

/**
 * Polls GET /health/ready until it answers 200 — database, broker, identity provider and relay
 * up, migrations done (ADR 0030) — the process dies, or the time is up.
 */
export async function waitUntilHealthy(
  service: RunningService,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.process.exitCode !== null) {
      throw new Error(
        `${service.name} exited with code ${service.process.exitCode} before it was healthy`,
      );
    }
    try {
      const response = await fetch(`${service.url}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet (the startup probe answers from the start, Nest takes over later)
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${service.name} was not healthy within ${timeoutMs / 1000} s`);
}

export function stopService(service: RunningService, graceMs = 20_000): Promise<void> {
  return new Promise((resolve) => {
    if (service.process.exitCode !== null || service.process.signalCode !== null) return resolve();
    const timer = setTimeout(() => service.process.kill('SIGKILL'), graceMs);
    service.process.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    service.process.kill('SIGTERM');
  });
}

/**
 * The services' event signing keys (ADR 0025): the environment's when it names a keyring,
 * else local ones made once in `<root>/.local/keys` (private keys 0600, the keyring beside them).
 */
export function localSigningEnvironment(root: string): NodeJS.ProcessEnv {
  if (process.env['EVENT_PUBLIC_KEYS']) return {};
  return localEventKeys(
    path.join(root, '.local/keys'),
    SERVICES.map((service) => service.name),
  ).environment;
}
