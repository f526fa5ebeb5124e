import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import {
  EventKeyring,
  PUBLISHED_EVENT_SCHEMAS,
  SIGNATURE_HEADERS,
  signatureHeaders,
  topicOwner,
  type EventSigningKey,
  type PublishingContext,
} from '@santunan/contracts';
import {
  KafkaMessaging,
  eventSigningWith,
  type EventSigningConfig,
  type MessagePublisher,
} from '@santunan/platform';

/** The contexts with a test key: the four services, and `testing` for specs' own topics. */
export const TEST_SIGNING_CONTEXTS = [
  'enrollment',
  'contributions',
  'claims',
  'payouts',
  'testing',
] as const;
export type TestSigningContext = (typeof TEST_SIGNING_CONTEXTS)[number];

// PKCS#8 DER of an Ed25519 private key is this prefix and the 32-byte seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Each context's test key is derived from its name, so every test process (Jest workers, a
 * service a spec spawns) has the same keyring without sharing a file. They sign only on the
 * test broker; their key ids say `test-`, and a real keyring never lists them.
 */
function testPrivateKey(context: string): KeyObject {
  const seed = createHash('sha256').update(`santunan test event signing key: ${context}`).digest();
  return createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

const privateKeys = new Map(
  TEST_SIGNING_CONTEXTS.map((context) => [context, testPrivateKey(context)] as const),
);

/** Every context's test public key. */
export const testEventKeyring: EventKeyring = EventKeyring.of(
  TEST_SIGNING_CONTEXTS.map((context) => ({
    keyId: `test-${context}`,
    context,
    publicKey: createPublicKey(privateKeys.get(context) as KeyObject),
  })),
);

/** A context's test signing key. */
export function testSigningKey(context: TestSigningContext): EventSigningKey {
  return { keyId: `test-${context}`, privateKey: privateKeys.get(context) as KeyObject };
}

/** `ServiceConfig.eventSigning` of a test service publishing as `context`: spread it in. */
export function testEventSigning(context: TestSigningContext): {
  eventSigning: EventSigningConfig;
} {
  return {
    eventSigning: eventSigningWith(testSigningKey(context).privateKey, testEventKeyring, context),
  };
}

/** Who signs a context's events: employers publish through the enrollment service (ADR 0037). */
function signerOf(context: PublishingContext): TestSigningContext {
  return context === 'employers' ? 'enrollment' : context;
}

const publisherOfType: ReadonlyMap<string, TestSigningContext> = new Map(
  PUBLISHED_EVENT_SCHEMAS.map((schema) => [schema.type, signerOf(schema.context)] as const),
);

/** The event type a message carries: its header, else its envelope's `type`. */
function typeOf(
  value: Buffer,
  headers: Readonly<Record<string, string>> | undefined,
): string | undefined {
  const header = headers?.['event-type'];
  if (header !== undefined) return header;
  try {
    const parsed: unknown = JSON.parse(value.toString('utf8'));
    const type = (parsed as { type?: unknown } | null)?.type;
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who signs a spec's message, as the relay of its publisher would: the context that publishes
 * the event's type (the contracts say), else the owner of a context topic, else `testing`
 * (a probe type on a spec's own topic).
 */
export function testSignerOf(
  topic: string,
  value: Buffer = Buffer.alloc(0),
  headers?: Readonly<Record<string, string>>,
): TestSigningContext {
  const type = typeOf(value, headers);
  const owner = topicOwner(topic);
  return (
    (type === undefined ? undefined : publisherOfType.get(type)) ??
    (owner === undefined ? undefined : signerOf(owner)) ??
    'testing'
  );
}

/**
 * Messaging whose publishers sign each message as the relay of its publisher would
 * (`testSignerOf`; a message that already carries a signature keeps it), so specs that put hand-made events on
 * a topic are read by consumers that verify. Specs of forged messages use a plain
 * KafkaMessaging.
 */
export class SigningTestMessaging extends KafkaMessaging {
  override async createPublisher(): Promise<MessagePublisher> {
    const publisher = await super.createPublisher();
    return {
      publish: (topic, messages) =>
        publisher.publish(
          topic,
          messages.map((message) => {
            if (message.headers?.[SIGNATURE_HEADERS.signature] !== undefined) return message;
            const value = Buffer.isBuffer(message.value)
              ? message.value
              : Buffer.from(message.value, 'utf8');
            return {
              ...message,
              value,
              headers: {
                ...message.headers,
                ...signatureHeaders(
                  testSigningKey(testSignerOf(topic, value, message.headers)),
                  topic,
                  value,
                ),
              },
            };
          }),
        ),
      close: () => publisher.close(),
    };
  }
}
