export * from './roles';
export * from './auth-config';
export * from './access-token';
export * from './auth.decorators';
export * from './auth.guard';
export * from './auth.module';
