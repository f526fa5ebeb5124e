// The enrollment service's public entry point, `@santunan/enrollment-service`: what the tools
// and the cross-service tests that run the service in-process may use (test helpers:
// `@santunan/enrollment-service/testing`). The service starts from main.ts; nothing in the
// service imports this file.
export { EnrollmentModule } from './enrollment.module';
export {
  DEFAULT_BULK_CONFIG,
  DEVELOPMENT_LOOKUP_KEY,
  enrollmentConfigFromEnvironment,
  type BulkEnrollmentConfig,
  type EnrollmentConfig,
} from './config/enrollment-config';
export { enrollmentReadModels } from './read-models';
export { ParticipantViewProjection } from './participant-view/participant-view.projection';
export { LookupHasher } from './shared/lookup-hasher';
