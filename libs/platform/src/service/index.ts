export * from './clock-and-ids';
export * from './service-config';
export * from './event-sourced-repository';
export * from './service-runtime';
