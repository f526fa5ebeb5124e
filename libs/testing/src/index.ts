export * from './eventually';
export * from './run-id';
export * from './infrastructure/free-port';
export * from './infrastructure/local-kafka-broker';
export * from './infrastructure/test-resources';
export * from './given-when-then';
export * from './infrastructure/local-keycloak';
export * from './infrastructure/test-keycloak';
