// The contributions service's public entry point, `@santunan/contributions-service`: what the
// tools and the cross-service tests that run the service in-process may use (test helpers:
// `@santunan/contributions-service/testing`). The service starts from main.ts; nothing in the
// service imports this file.
export { ContributionsModule } from './contributions.module';
export {
  contributionsConfigFromEnvironment,
  type ContributionsConfig,
} from './config/contributions-config';
export { contributionsReadModels } from './read-models';
export { CoverageViewProjection } from './coverage-view/coverage-view.projection';
export { ProgramReportProjection } from './program-report/program-report.projection';
// The write side, driven directly by the benchmarks (tools/bench).
export { ContributionsServices } from './contributions.services';
export { SPONSOR_PROGRAM_STREAM } from './shared/contribution-streams';
export { SponsorPrograms } from './shared/sponsor-programs';
