import { sign, verify, type KeyObject } from 'node:crypto';
import { topicOwner, type EventKeyring } from './event-keyring';

/** The Kafka headers that carry an event message's signature (ADR 0025). */
export const SIGNATURE_HEADERS = {
  /** Ed25519 signature, base64, over `signedBytes(topic, value)`. */
  signature: 'signature',
  /** The key id in the published keyring (`event-keyring.schema.json`). */
  keyId: 'signature-key-id',
} as const;

const DOMAIN = Buffer.from('santunan-event-signature/1\0', 'utf8');
const SEPARATOR = Buffer.from([0]);

/**
 * What is signed: a fixed domain prefix, the topic, a NUL and the message value exactly as it
 * travels. The value is not parsed or canonicalised, so signing costs one pass over bytes the
 * producer already has, and a consumer verifies before it parses anything. The topic is
 * included so a message copied onto another topic (even one its signer may write) fails.
 */
export function signedBytes(topic: string, value: Buffer): Buffer {
  return Buffer.concat([DOMAIN, Buffer.from(topic, 'utf8'), SEPARATOR, value]);
}

/** A service's signing key: its Ed25519 private key and the key id consumers look it up by. */
export interface EventSigningKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

/** The headers to add to a message published on `topic` with this value. */
export function signatureHeaders(
  key: EventSigningKey,
  topic: string,
  value: Buffer,
): Record<string, string> {
  return {
    [SIGNATURE_HEADERS.signature]: sign(null, signedBytes(topic, value), key.privateKey).toString(
      'base64',
    ),
    [SIGNATURE_HEADERS.keyId]: key.keyId,
  };
}

/** Why a message's signature is refused; the consumer's dead-letter reason codes. */
export type SignatureRefusal = 'SIGNATURE_MISSING' | 'SIGNATURE_INVALID';

export type SignatureCheck =
  | { readonly ok: true; readonly keyId: string; readonly context: string }
  | { readonly ok: false; readonly reason: SignatureRefusal; readonly message: string };

/** A message as read from a topic: its value and its headers (as strings). */
export interface SignedMessage {
  readonly topic: string;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

const BASE64 = /^[A-Za-z0-9+/]{86}==$/;

/**
 * Checks that a message was signed, for this topic and these bytes, by a key of the keyring —
 * and, on a context's own topic (`<context>.events`), by a key of that context, so one service
 * cannot speak for another even where the broker would let it write. A reader that knows whose
 * topic it reads under another name (the audit, a test's topic) says so with `owner`.
 */
export function verifyEventSignature(
  keyring: EventKeyring,
  message: SignedMessage,
  { owner = topicOwner(message.topic) }: { readonly owner?: string } = {},
): SignatureCheck {
  const signature = message.headers[SIGNATURE_HEADERS.signature];
  const keyId = message.headers[SIGNATURE_HEADERS.keyId];
  if (signature === undefined || signature === '' || keyId === undefined || keyId === '') {
    return {
      ok: false,
      reason: 'SIGNATURE_MISSING',
      message: `no ${SIGNATURE_HEADERS.signature} and ${SIGNATURE_HEADERS.keyId} headers`,
    };
  }
  const key = keyring.key(keyId);
  if (key === undefined) {
    return refused(`key id "${keyId}" is not in the published keyring`);
  }
  if (owner !== undefined && owner !== key.context) {
    return refused(
      `${message.topic} is ${owner}'s topic, signed with ${key.context}'s key "${keyId}"`,
    );
  }
  if (!BASE64.test(signature)) return refused('signature is not a base64 Ed25519 signature');
  const valid = verify(
    null,
    signedBytes(message.topic, message.value ?? Buffer.alloc(0)),
    key.publicKey,
    Buffer.from(signature, 'base64'),
  );
  return valid
    ? { ok: true, keyId, context: key.context }
    : refused(`signature does not match the message (key "${keyId}", topic ${message.topic})`);
}

function refused(message: string): SignatureCheck {
  return { ok: false, reason: 'SIGNATURE_INVALID', message };
}
