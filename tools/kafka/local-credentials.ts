import { spawnSync } from 'node:child_process';
import path from 'node:path';

const KAFKA_SCRIPT = path.resolve(__dirname, 'kafka.sh');

/**
 * The users of the broker kafka.sh runs (`kafka.sh credentials`: its data folder's
 * sasl-users.env) as environment variables — KAFKA_SASL_* for admin, <PRINCIPAL>_KAFKA_* for
 * the others (ADR 0024). Empty when that broker keeps none (KAFKA_SASL=off, never started).
 */
export function localKafkaCredentials(): Record<string, string> {
  const result = spawnSync('bash', [KAFKA_SCRIPT, 'credentials'], { encoding: 'utf8' });
  if (result.status !== 0) return {};
  return Object.fromEntries(
    result.stdout
      .split('\n')
      .map((line) => /^export ([A-Z0-9_]+)=(.*)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match): [string, string] => [match[1] ?? '', match[2] ?? '']),
  );
}

/**
 * For the tools a developer points at `npm run platform` (the audit CLI, the scenario's
 * audit): when the environment names no broker and no user, sign in to the local broker as
 * `principal` with the password kafka.sh keeps. An explicit KAFKA_BROKERS or user wins.
 */
export function withLocalKafkaUser(
  env: NodeJS.ProcessEnv,
  principal: 'audit' | 'finance',
): NodeJS.ProcessEnv {
  const upper = principal.toUpperCase();
  if (env['KAFKA_BROKERS'] || env[`${upper}_KAFKA_USERNAME`] || env['KAFKA_SASL_USERNAME']) {
    return env;
  }
  const local = localKafkaCredentials();
  const username = local[`${upper}_KAFKA_USERNAME`];
  const password = local[`${upper}_KAFKA_PASSWORD`];
  if (username === undefined || password === undefined) return env;
  return {
    ...env,
    [`${upper}_KAFKA_USERNAME`]: username,
    [`${upper}_KAFKA_PASSWORD`]: password,
    ...(local['KAFKA_SASL_MECHANISM'] === undefined
      ? {}
      : { KAFKA_SASL_MECHANISM: local['KAFKA_SASL_MECHANISM'] }),
  };
}
