import { infrastructureState } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const state = infrastructureState();
  if (!state.ready) return;
  state.ready = false;
  // Stop in reverse order of starting; keep going if one fails so nothing is left running.
  for (const stop of state.stops.splice(0).reverse()) {
    await stop().catch((error: unknown) =>
      process.stderr.write(`[test-infra] stop failed: ${String(error)}\n`),
    );
  }
}
