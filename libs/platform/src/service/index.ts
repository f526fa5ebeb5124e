export * from './clock-and-ids';
export * from './service-config';
export * from './event-sourced-repository';
export * from './folded-state.cache';
export * from './retrying-transaction';
export * from './service-runtime';
export * from './event-signing';
