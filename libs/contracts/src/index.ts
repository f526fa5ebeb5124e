export * from './topics';
export * from './enrollment/events';
export * from './contributions/events';
export * from './claims/events';
export * from './payouts';
