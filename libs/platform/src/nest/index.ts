export * from './service-platform.module';
export * from './bootstrap-service';
