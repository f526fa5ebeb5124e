export * from './roles';
export * from './auth-config';
export * from './access-token';
export * from './access-token-verifier';
export * from './auth.decorators';
export * from './auth.guard';
export * from './auth.module';
