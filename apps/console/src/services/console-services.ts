import type { ConsoleConfig } from '../config/console-config';
import { ServiceClient, type Fetch } from './service-client';

/** The four services' HTTP clients, each called with the signed-in user's token. */
export class ConsoleServices {
  readonly enrollment: ServiceClient;
  readonly contributions: ServiceClient;
  readonly claims: ServiceClient;
  readonly payouts: ServiceClient;

  constructor(urls: ConsoleConfig['services'], fetchImpl: Fetch = fetch) {
    this.enrollment = new ServiceClient('enrollment', urls.enrollment, fetchImpl);
    this.contributions = new ServiceClient('contributions', urls.contributions, fetchImpl);
    this.claims = new ServiceClient('claims', urls.claims, fetchImpl);
    this.payouts = new ServiceClient('payouts', urls.payouts, fetchImpl);
  }
}
