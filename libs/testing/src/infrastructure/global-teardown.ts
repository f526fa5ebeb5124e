// Relative, not the path alias: Jest's global teardown runs outside moduleNameMapper.
import { dropDatabase } from '../../../platform/src/database/databases';
import { testRunId } from '../run-id';
import { infrastructureState } from './global-setup';
import { stopTestKeycloak } from './local-keycloak';

export default async function globalTeardown(): Promise<void> {
  const state = infrastructureState();
  if (!state.ready) return;
  state.ready = false;
  // A Keycloak a test started for this run (testKeycloak() starts one on first use when
  // KEYCLOAK_URL is not set); before the rest, as its database lives on the test server.
  const server = process.env['TEST_DATABASE_ADMIN_URL'];
  await stopTestKeycloak(testRunId(), (database) =>
    server === undefined ? Promise.resolve() : dropDatabase(server, database),
  ).catch((error: unknown) =>
    process.stderr.write(`[test-infra] stopping Keycloak failed: ${String(error)}\n`),
  );
  // Stop in reverse order of starting; keep going if one fails so nothing is left running.
  for (const stop of state.stops.splice(0).reverse()) {
    await stop().catch((error: unknown) =>
      process.stderr.write(`[test-infra] stop failed: ${String(error)}\n`),
    );
  }
}
