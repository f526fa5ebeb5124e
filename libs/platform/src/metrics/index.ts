export { ServiceMetrics } from './service-metrics';
export {
  SCRAPE_READ_TIMEOUT_MS,
  type ScrapeSample,
  type ScrapeTimeMetricDefinition,
} from './scrape-time-metric';
export {
  MIN_SCRAPE_TOKEN_LENGTH,
  carriesScrapeToken,
  metricsScrapeTokenFromEnvironment,
} from './scrape-token';
export {
  PROJECTION_LAG_COUNT_LIMIT,
  registerPlatformMetrics,
  type ConsumerGroupOfService,
  type PlatformMetricSources,
} from './platform-metrics';
export { MetricsModule, type MetricsModuleOptions } from './metrics.module';
