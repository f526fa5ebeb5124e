/** How a client proves who it is to a broker that authenticates (ADR 0024). */
export interface KafkaSasl {
  readonly mechanism: KafkaSaslMechanism;
  readonly username: string;
  readonly password: string;
}

export type KafkaSaslMechanism = 'scram-sha-256' | 'scram-sha-512';

/** What tools/kafka/kafka.sh creates its users with. */
export const DEFAULT_KAFKA_SASL_MECHANISM: KafkaSaslMechanism = 'scram-sha-512';

const MECHANISMS: readonly string[] = ['scram-sha-256', 'scram-sha-512'];

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The credentials of one principal from the environment: `<PRINCIPAL>_KAFKA_USERNAME` and
 * `_PASSWORD` (e.g. CLAIMS_KAFKA_USERNAME), else `KAFKA_SASL_USERNAME` / `KAFKA_SASL_PASSWORD`;
 * the mechanism from `KAFKA_SASL_MECHANISM` (default scram-sha-512). No username: undefined,
 * the client connects without SASL (a broker without security, e.g. a bare test broker).
 */
export function kafkaSaslFromEnvironment(
  principal?: string,
  env: NodeJS.ProcessEnv = process.env,
): KafkaSasl | undefined {
  const prefix = principal?.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  const own = prefix === undefined ? undefined : nonEmpty(env[`${prefix}_KAFKA_USERNAME`]);
  const username = own ?? nonEmpty(env['KAFKA_SASL_USERNAME']);
  if (username === undefined) return undefined;
  const passwordVariable = own !== undefined ? `${prefix}_KAFKA_PASSWORD` : 'KAFKA_SASL_PASSWORD';
  const password = nonEmpty(env[passwordVariable]);
  if (password === undefined) {
    throw new Error(`Kafka user ${username} has no password: set ${passwordVariable}`);
  }
  const mechanism = (nonEmpty(env['KAFKA_SASL_MECHANISM']) ?? DEFAULT_KAFKA_SASL_MECHANISM)
    .trim()
    .toLowerCase();
  if (!MECHANISMS.includes(mechanism)) {
    throw new Error(`KAFKA_SASL_MECHANISM ${mechanism} is not one of ${MECHANISMS.join(', ')}`);
  }
  return { mechanism: mechanism as KafkaSaslMechanism, username, password };
}
