// Test helpers of the payouts service for the cross-service tests and the tools:
// `@santunan/payouts-service/testing`.
export * from './claim-decisions';
export * from './claims-publisher';
export * from './payouts-test-app';
export * from './settlement-reports';
export * from './topic-recorder';
