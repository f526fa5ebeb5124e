import { createPublicKey, type KeyObject } from 'node:crypto';
import type { PublishingContext } from '../published-event-schemas';

/**
 * The published public keys of the services that sign events (ADR 0025), as JSON
 * (`event-keyring.schema.json`): context → key id → Ed25519 public key in SPKI PEM.
 *
 * ```json
 * { "format": "santunan-event-keyring/1",
 *   "contexts": { "enrollment": { "enrollment-2026-12": { "publicKey": "-----BEGIN PUBLIC KEY-----…" } } } }
 * ```
 *
 * A key id names one key in the whole keyring, so the `signature-key-id` header alone finds
 * the key and the context that owns it. A context may list several keys (a rotation: the new
 * key is published before it signs, the old one stays until its messages are no longer read).
 */
export const EVENT_KEYRING_FORMAT = 'santunan-event-keyring/1';

export interface EventKeyringDocument {
  readonly format: typeof EVENT_KEYRING_FORMAT;
  readonly contexts: Readonly<
    Record<string, Readonly<Record<string, { readonly publicKey: string }>>>
  >;
}

/** One public key of the keyring, parsed. */
export interface PublishedSigningKey {
  readonly keyId: string;
  /** The context that owns the key: what it signs is that context's word. */
  readonly context: string;
  readonly publicKey: KeyObject;
}

export class EventKeyringError extends Error {
  override readonly name = 'EventKeyringError';
}

/** Key ids travel in a Kafka header and name files: keep them plain. */
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const CONTEXT = /^[a-z][a-z0-9-]{0,63}$/;

/** The keyring, parsed and checked once: every key an Ed25519 public key, every key id unique. */
export class EventKeyring {
  private readonly byKeyId: ReadonlyMap<string, PublishedSigningKey>;

  private constructor(keys: readonly PublishedSigningKey[]) {
    this.byKeyId = new Map(keys.map((key) => [key.keyId, key]));
  }

  /** Parses the keyring's JSON (text or already parsed); throws EventKeyringError when it is not one. */
  static parse(json: unknown): EventKeyring {
    let document: unknown = json;
    if (typeof json === 'string') {
      try {
        document = JSON.parse(json);
      } catch (error) {
        throw new EventKeyringError(`keyring is not JSON: ${String(error)}`);
      }
    }
    const root = objectAt(document, 'the keyring');
    if (root['format'] !== EVENT_KEYRING_FORMAT) {
      throw new EventKeyringError(`keyring format must be "${EVENT_KEYRING_FORMAT}"`);
    }
    const unknownMember = Object.keys(root).find(
      (member) => !['format', 'contexts', '$schema'].includes(member),
    );
    if (unknownMember !== undefined)
      throw new EventKeyringError(`keyring has an unknown member "${unknownMember}"`);
    const keys: PublishedSigningKey[] = [];
    const seen = new Set<string>();
    for (const [context, entries] of Object.entries(objectAt(root['contexts'], 'contexts'))) {
      if (!CONTEXT.test(context)) throw new EventKeyringError(`"${context}" is not a context name`);
      for (const [keyId, entry] of Object.entries(objectAt(entries, `contexts.${context}`))) {
        if (!KEY_ID.test(keyId)) throw new EventKeyringError(`"${keyId}" is not a key id`);
        if (seen.has(keyId)) throw new EventKeyringError(`key id "${keyId}" is listed twice`);
        seen.add(keyId);
        keys.push({ keyId, context, publicKey: ed25519PublicKey(entry, `${context}/${keyId}`) });
      }
    }
    return new EventKeyring(keys);
  }

  /** A keyring built in code (tests, the local platform's key generation). */
  static of(keys: readonly PublishedSigningKey[]): EventKeyring {
    return EventKeyring.parse(EventKeyring.document(keys));
  }

  /** The JSON document of these keys (what `EVENT_PUBLIC_KEYS` points to). */
  static document(keys: readonly PublishedSigningKey[]): EventKeyringDocument {
    const contexts: Record<string, Record<string, { publicKey: string }>> = {};
    for (const key of keys) {
      contexts[key.context] = {
        ...contexts[key.context],
        [key.keyId]: {
          publicKey: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        },
      };
    }
    return { format: EVENT_KEYRING_FORMAT, contexts };
  }

  get keys(): readonly PublishedSigningKey[] {
    return [...this.byKeyId.values()];
  }

  key(keyId: string): PublishedSigningKey | undefined {
    return this.byKeyId.get(keyId);
  }

  /** The published key matching a private key's public half: how a service finds its key id. */
  keyOf(privateKey: KeyObject): PublishedSigningKey | undefined {
    const mine = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
    return this.keys.find((key) =>
      key.publicKey.export({ type: 'spki', format: 'der' }).equals(mine),
    );
  }
}

/** The context that owns a published topic (`<context>.events`) and so must have signed it. */
export function topicOwner(topic: string): PublishingContext | undefined {
  const match = /^(enrollment|contributions|claims|payouts)\.events$/.exec(topic);
  return match?.[1] as PublishingContext | undefined;
}

function objectAt(value: unknown, where: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EventKeyringError(`${where} must be a JSON object`);
  }
  return value as Readonly<Record<string, unknown>>;
}

function ed25519PublicKey(entry: unknown, where: string): KeyObject {
  const member = objectAt(entry, where);
  const pem = member['publicKey'];
  if (typeof pem !== 'string')
    throw new EventKeyringError(`${where}.publicKey must be SPKI PEM text`);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new EventKeyringError(`${where}.publicKey is not a public key: ${String(error)}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new EventKeyringError(
      `${where}.publicKey is ${key.asymmetricKeyType ?? 'unknown'}, not Ed25519`,
    );
  }
  return key;
}
