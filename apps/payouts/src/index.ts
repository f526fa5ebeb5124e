// The payouts service's public entry point, `@santunan/payouts-service`: what the tools and
// the cross-service tests that run the service in-process may use (test helpers:
// `@santunan/payouts-service/testing`). The service starts from main.ts; nothing in the service
// imports this file.
export { PayoutsModule } from './payouts.module';
export {
  DEFAULT_CONSUMER_NAMES,
  payoutsConfigFromEnvironment,
  type PayoutsConfig,
  type PayoutsConsumerNames,
} from './config/payouts-config';
export { payoutsReadModels } from './read-models';
export { benefitPayoutId } from './shared/payout-ids';
