export * from './bootstrap-service';
export * from './event-transport';
export * from './openapi';
export * from './service-platform.module';
