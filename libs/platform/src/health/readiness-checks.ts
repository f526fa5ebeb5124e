import { NotReady, type ReadinessCheck } from './readiness-check';

/** Anything that runs SQL: a TypeORM-backed PlatformDatabase, a pg Pool. */
interface Queryable {
  query(sql: string): Promise<unknown>;
}

/** The database answers a trivial query (a free pooled connection, a live server). */
export function databaseCheck(name: string, database: Queryable): ReadinessCheck {
  return {
    name,
    run: async () => {
      await database.query('select 1');
    },
  };
}

/** The broker answers a metadata request (kafkajs admin describeCluster, KafkaMessaging). */
export function brokerCheck(broker: { describeCluster(): Promise<unknown> }): ReadinessCheck {
  return {
    name: 'broker',
    run: async () => {
      await broker.describeCluster();
    },
  };
}

/**
 * The identity provider serves a JSON document: its key set (a service verifying tokens) or its
 * discovery document (the console signing users in). `looksRight` tells a real answer from a
 * proxy's error page.
 */
export function identityProviderCheck(
  url: string,
  looksRight: (document: Record<string, unknown>) => boolean,
  timeoutMs: number,
): ReadinessCheck {
  return {
    name: 'identityProvider',
    run: async () => {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new NotReady(`HTTP ${response.status}`);
      const document: unknown = await response.json().catch(() => undefined);
      if (typeof document !== 'object' || document === null || !looksRight(document as never))
        throw new NotReady('unexpected answer');
    },
  };
}

/** A JSON Web Key Set with at least one key. */
export function isKeySet(document: Record<string, unknown>): boolean {
  return Array.isArray(document['keys']) && document['keys'].length > 0;
}

/** An OpenID Connect discovery document (it names its issuer and key set). */
export function isDiscoveryDocument(document: Record<string, unknown>): boolean {
  return typeof document['issuer'] === 'string' && typeof document['jwks_uri'] === 'string';
}
