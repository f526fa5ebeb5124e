/** What a service process is doing before its HTTP API listens. */
export type StartupPhase = 'starting' | 'migrating' | 'starting workers';

// One service per process: ServiceRuntime.start reports here, the startup probe reads it. Tests
// that start several runtimes in one process never run the probe (bootstrapService only).
let current: StartupPhase = 'starting';

export function enterStartupPhase(phase: StartupPhase): void {
  current = phase;
}

export function startupPhase(): StartupPhase {
  return current;
}
