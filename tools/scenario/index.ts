// The NTT-2026 scenario's public entry point, `@santunan/scenario`, for the end-to-end test that
// plays it against the in-process platform (test/ntt-2026-scenario.e2e.spec.ts). The command
// line starts from main.ts.
export { ScenarioFailed, runNttScenario, type RunNttScenarioOptions } from './run-ntt-scenario';
export { renderSummary, type ScenarioSummary } from './summary';
export { planScenario, type ScenarioPlan } from './plan';
export { keycloakBearer } from './keycloak-bearer';
export { simulatedPlatformClock, type SimulatedPlatformClock } from './platform-clock';
