// The claims service's public entry point, `@santunan/claims-service`: what the tools and the
// cross-service tests that run the service in-process may use. The service starts from main.ts;
// nothing in the service imports this file.
export { ClaimsModule } from './claims.module';
export {
  DEFAULT_CHECKER_THRESHOLD,
  claimsCalendar,
  claimsConfigFromEnvironment,
  type ClaimsConfig,
} from './config/claims-config';
export { claimsReadModels } from './read-models';
