import { NotReady, type ReadinessCheck } from '../health/readiness-check';
import {
  brokerCheck,
  databaseCheck,
  identityProviderCheck,
  isKeySet,
} from '../health/readiness-checks';
import type { ServiceRuntime } from '../service/service-runtime';

/**
 * What a service needs to serve requests (ADR 0030): its database and the key database, the
 * broker, the identity provider's key set (tokens are verified with it; none in hs256 mode),
 * and an outbox relay that can publish (where the workers run).
 */
export function serviceReadinessChecks(
  runtime: ServiceRuntime,
  checkTimeoutMs: number,
): ReadinessCheck[] {
  const { auth } = runtime.options.config;
  const checks: ReadinessCheck[] = [
    databaseCheck('database', runtime.database),
    databaseCheck('keyDatabase', runtime.keyDatabase),
    brokerCheck(runtime.messaging),
  ];
  if (auth.mode === 'jwks')
    checks.push(identityProviderCheck(auth.jwksUrl, isKeySet, checkTimeoutMs));
  if (runtime.relayCanPublish !== undefined) checks.push(outboxRelayCheck(runtime));
  return checks;
}

function outboxRelayCheck(runtime: ServiceRuntime): ReadinessCheck {
  return {
    name: 'outboxRelay',
    run: () => {
      if (runtime.relayCanPublish === false)
        return Promise.reject(new NotReady('the last publish failed; the outbox is waiting'));
      return Promise.resolve({ role: runtime.relayIsLeader ? 'leader' : 'follower' });
    },
  };
}
