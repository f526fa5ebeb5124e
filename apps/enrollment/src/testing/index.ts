// Test helpers of the enrollment service for the cross-service tests and the tools:
// `@santunan/enrollment-service/testing`.
export * from './synthetic-workers';
