// Test helpers of the contributions service for the cross-service tests and the tools:
// `@santunan/contributions-service/testing`.
export { TestClock } from './test-clock';
