import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { join } from 'node:path';
import { EventKeyring, type EventSigningKey, type PublishedSigningKey } from '@santunan/contracts';

/**
 * How a service signs what it publishes and checks what it consumes (ADR 0025): its Ed25519
 * private key, under the key id the keyring publishes for it, and everyone's public keys.
 */
export interface EventSigningConfig {
  readonly signingKey: EventSigningKey;
  readonly keyring: EventKeyring;
}

export class EventSigningConfigError extends Error {
  override readonly name = 'EventSigningConfigError';
}

/**
 * The key id of a private key is the one the keyring lists for its public half; a key the
 * keyring does not list is refused here, at start, rather than by every consumer later.
 */
export function eventSigningWith(
  privateKey: KeyObject,
  keyring: EventKeyring,
  context?: string,
): EventSigningConfig {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new EventSigningConfigError(
      `the event signing key is ${privateKey.asymmetricKeyType ?? 'unknown'}, not Ed25519`,
    );
  }
  const published = keyring.keyOf(privateKey);
  if (published === undefined) {
    throw new EventSigningConfigError(
      'the event signing key is not in the published keyring: consumers would refuse every event',
    );
  }
  if (context !== undefined && published.context !== context) {
    throw new EventSigningConfigError(
      `the event signing key is published for ${published.context}, not ${context}`,
    );
  }
  return { signingKey: { keyId: published.keyId, privateKey }, keyring };
}

/** PEM text as given, or the content of the file it names. */
function pemOrFile(value: string): string {
  return value.trimStart().startsWith('-----BEGIN') ? value : readFileSync(value, 'utf8');
}

/** The keyring's JSON as given, or the content of the file it names. */
function jsonOrFile(value: string): string {
  return value.trimStart().startsWith('{') ? value : readFileSync(value, 'utf8');
}

/**
 * The published keyring named by `EVENT_PUBLIC_KEYS` (JSON, or a path to it), else the file
 * given as the local default when it exists (`npm run platform`'s `.local/keys`), else
 * undefined: for readers that verify but never publish (the audit).
 */
export function eventKeyringFromEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
  localDefault?: string,
): EventKeyring | undefined {
  const given = environment['EVENT_PUBLIC_KEYS'];
  if (given) return EventKeyring.parse(jsonOrFile(given));
  if (localDefault !== undefined && existsSync(localDefault)) {
    return EventKeyring.parse(readFileSync(localDefault, 'utf8'));
  }
  return undefined;
}

/**
 * `<SERVICE>_EVENT_SIGNING_KEY` (the service's Ed25519 private key, PKCS#8 PEM, or a path to
 * it) and `EVENT_PUBLIC_KEYS` (the keyring JSON, or a path to it). Both are required: a
 * service that cannot sign would publish what every consumer refuses, and one without the
 * keyring could verify nothing. `npm run platform` generates a local set in `.local/keys`.
 */
export function eventSigningFromEnvironment(
  serviceName: string,
  environment: NodeJS.ProcessEnv = process.env,
): EventSigningConfig {
  const keyVariable = `${serviceName.toUpperCase()}_EVENT_SIGNING_KEY`;
  const privateKeyPem = environment[keyVariable];
  const keyringJson = environment['EVENT_PUBLIC_KEYS'];
  if (!privateKeyPem || !keyringJson) {
    throw new EventSigningConfigError(
      `${serviceName} cannot start without ${keyVariable} (its Ed25519 private key, PKCS#8 PEM or a file) ` +
        'and EVENT_PUBLIC_KEYS (the published keyring, JSON or a file); `npm run platform` makes local ones in .local/keys',
    );
  }
  const privateKey = createPrivateKey({ key: pemOrFile(privateKeyPem), format: 'pem' });
  return eventSigningWith(privateKey, EventKeyring.parse(jsonOrFile(keyringJson)), serviceName);
}

/** Where `localEventKeys` writes: a private key per context and the keyring beside them. */
export interface LocalEventKeys {
  /** `<context>` → path of its private key (PKCS#8 PEM, mode 0600). */
  readonly privateKeyFiles: Readonly<Record<string, string>>;
  readonly keyringFile: string;
  /** The environment a service process needs: `<CONTEXT>_EVENT_SIGNING_KEY` and `EVENT_PUBLIC_KEYS`. */
  readonly environment: Readonly<Record<string, string>>;
}

/**
 * Local keys for a developer's platform: generated once into `directory` (private keys 0600),
 * reused afterwards, and the keyring rewritten from them, so it always lists exactly these keys.
 */
export function localEventKeys(directory: string, contexts: readonly string[]): LocalEventKeys {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const published: PublishedSigningKey[] = [];
  const privateKeyFiles: Record<string, string> = {};
  const environment: Record<string, string> = {};
  for (const context of contexts) {
    const file = join(directory, `${context}.event-signing.pem`);
    if (!existsSync(file)) {
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
    chmodSync(file, 0o600);
    const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
    published.push({ keyId: `${context}-local`, context, publicKey: createPublicKey(privateKey) });
    privateKeyFiles[context] = file;
    environment[`${context.toUpperCase()}_EVENT_SIGNING_KEY`] = file;
  }
  const keyringFile = join(directory, 'event-keyring.json');
  writeFileSync(keyringFile, `${JSON.stringify(EventKeyring.document(published), null, 2)}\n`);
  environment['EVENT_PUBLIC_KEYS'] = keyringFile;
  return { privateKeyFiles, keyringFile, environment };
}

/**
 * A fresh key per context and a keyring of them, in memory: for a process that runs every
 * service it needs itself (the benchmarks), whose events no other process reads.
 */
export function ephemeralEventSigning(
  contexts: readonly string[],
): (context: string) => { eventSigning: EventSigningConfig } {
  const privateKeys = new Map(
    contexts.map((context) => [context, generateKeyPairSync('ed25519').privateKey] as const),
  );
  const keyring = EventKeyring.of(
    [...privateKeys].map(([context, privateKey]) => ({
      keyId: `${context}-ephemeral`,
      context,
      publicKey: createPublicKey(privateKey),
    })),
  );
  return (context) => {
    const privateKey = privateKeys.get(context);
    if (privateKey === undefined)
      throw new EventSigningConfigError(`no ephemeral key for ${context}`);
    return { eventSigning: eventSigningWith(privateKey, keyring, context) };
  };
}
