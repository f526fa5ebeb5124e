export * from './health.module';
export * from './readiness-check';
export * from './readiness-checks';
export * from './startup-phase';
export * from './startup-probe';
