import { createHash, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';

/** Shorter tokens are refused at start: a scrape token guards what the platform reveals. */
export const MIN_SCRAPE_TOKEN_LENGTH = 16;

/**
 * The bearer token Prometheus must send to read `/metrics` (ADR 0029): `<SERVICE>_METRICS_SCRAPE_TOKEN`,
 * else `METRICS_SCRAPE_TOKEN`, else the first line of the file `METRICS_SCRAPE_TOKEN_FILE` names
 * (a mounted secret, the same file Prometheus's `credentials_file` reads). Undefined when none
 * is set: then `/metrics` refuses every scrape.
 */
export function metricsScrapeTokenFromEnvironment(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const file = value('METRICS_SCRAPE_TOKEN_FILE');
  const token =
    value(`${serviceName.toUpperCase()}_METRICS_SCRAPE_TOKEN`) ??
    value('METRICS_SCRAPE_TOKEN') ??
    (file === undefined ? undefined : fs.readFileSync(file, 'utf8').split('\n')[0]?.trim());
  if (token === undefined || token === '') return undefined;
  if (token.length < MIN_SCRAPE_TOKEN_LENGTH) {
    throw new Error(
      `the metrics scrape token for ${serviceName} is shorter than ${MIN_SCRAPE_TOKEN_LENGTH} characters`,
    );
  }
  return token;
}

/**
 * Whether an `Authorization` header carries the scrape token. Compared as digests in constant
 * time, so neither the token nor its length leaks through timing.
 */
export function carriesScrapeToken(
  authorization: string | undefined,
  expected: string | undefined,
): boolean {
  if (expected === undefined || authorization === undefined) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
  if (!match?.[1]) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(match[1]), digest(expected));
}
