import { generateKeyPairSync } from 'node:crypto';
import Ajv from 'ajv';
import {
  EVENT_KEYRING_SCHEMA,
  EventKeyring,
  EventKeyringError,
  SIGNATURE_HEADERS,
  signatureHeaders,
  topicOwner,
  verifyEventSignature,
  type EventSigningKey,
} from './index';

function keyPair(context: string, keyId: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signing: { keyId, privateKey } as EventSigningKey,
    published: { keyId, context, publicKey },
  };
}

const enrollment = keyPair('enrollment', 'enrollment-1');
const claims = keyPair('claims', 'claims-1');
const unpublished = keyPair('enrollment', 'enrollment-2');
const keyring = EventKeyring.of([enrollment.published, claims.published]);
const value = Buffer.from('{"eventId":"e-1","type":"DeclaredIncomeChanged"}', 'utf8');

function signed(key: EventSigningKey, topic: string, bytes = value) {
  return { topic, value: bytes, headers: signatureHeaders(key, topic, bytes) };
}

describe('event signatures over the bytes that travel', () => {
  it('verifies what the topic owner signed, naming the key and its context', () => {
    expect(verifyEventSignature(keyring, signed(enrollment.signing, 'enrollment.events'))).toEqual({
      ok: true,
      keyId: 'enrollment-1',
      context: 'enrollment',
    });
  });

  it('refuses a message with no signature headers as missing', () => {
    const check = verifyEventSignature(keyring, { topic: 'enrollment.events', value, headers: {} });
    expect(check).toMatchObject({ ok: false, reason: 'SIGNATURE_MISSING' });
  });

  it('refuses a changed byte, another topic, an unknown key id and a garbled signature', () => {
    const good = signed(enrollment.signing, 'enrollment.events');
    const changed = Buffer.from(value);
    changed[changed.length - 3] = 0x78;
    const cases = [
      { ...good, value: changed },
      { ...good, topic: 'enrollment.events.copy' },
      signed(unpublished.signing, 'enrollment.events'),
      { ...good, headers: { ...good.headers, [SIGNATURE_HEADERS.signature]: 'not base64!' } },
      {
        ...good,
        headers: { ...good.headers, [SIGNATURE_HEADERS.keyId]: 'claims-1' },
      },
    ];
    for (const message of cases) {
      expect(verifyEventSignature(keyring, message)).toMatchObject({
        ok: false,
        reason: 'SIGNATURE_INVALID',
      });
    }
  });

  it("refuses another context's valid signature on a context's own topic", () => {
    const check = verifyEventSignature(keyring, signed(claims.signing, 'enrollment.events'));
    expect(check).toMatchObject({ ok: false, reason: 'SIGNATURE_INVALID' });
    expect(check.ok || check.message).toContain("enrollment's topic");
    // On a topic no context owns (a test's own topic), any published key speaks for itself.
    expect(
      verifyEventSignature(keyring, signed(claims.signing, 'int.claims.x.events')),
    ).toMatchObject({
      ok: true,
      context: 'claims',
    });
  });

  it('knows the owner of each context topic only', () => {
    expect(topicOwner('payouts.events')).toBe('payouts');
    expect(topicOwner('payouts.settlements')).toBeUndefined();
    expect(topicOwner('enrollment.events.dlq')).toBeUndefined();
  });
});

describe('the published keyring', () => {
  const document = EventKeyring.document([enrollment.published, claims.published]);

  it('round-trips through its JSON and matches its JSON Schema', () => {
    const ajv = new Ajv({ strict: true });
    expect(ajv.validate(EVENT_KEYRING_SCHEMA, document)).toBe(true);
    const parsed = EventKeyring.parse(JSON.stringify(document));
    expect(parsed.keys.map((key) => [key.context, key.keyId])).toEqual([
      ['enrollment', 'enrollment-1'],
      ['claims', 'claims-1'],
    ]);
  });

  it("finds a service's key id from its private key", () => {
    expect(keyring.keyOf(claims.signing.privateKey)?.keyId).toBe('claims-1');
    expect(keyring.keyOf(unpublished.signing.privateKey)).toBeUndefined();
  });

  it('refuses a keyring it cannot trust', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    const pem = document.contexts['enrollment']?.['enrollment-1']?.publicKey;
    const refused = [
      'not json',
      { contexts: {} },
      { ...document, extra: 1 },
      { ...document, contexts: { enrollment: { 'enrollment-1': { publicKey: 'x' } } } },
      {
        ...document,
        contexts: { enrollment: { k: { publicKey: rsa.export({ type: 'spki', format: 'pem' }) } } },
      },
      {
        ...document,
        contexts: { enrollment: { k: { publicKey: pem } }, claims: { k: { publicKey: pem } } },
      },
      { ...document, contexts: { enrollment: { 'bad id': { publicKey: pem } } } },
    ];
    for (const keyringJson of refused) {
      expect(() => EventKeyring.parse(keyringJson)).toThrow(EventKeyringError);
    }
  });
});
