import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventKeyring, signatureHeaders, verifyEventSignature } from '@santunan/contracts';
import {
  EventSigningConfigError,
  ephemeralEventSigning,
  eventSigningFromEnvironment,
  localEventKeys,
} from './event-signing';

describe('event signing configuration', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'santunan-keys-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('generates local keys once (private keys 0600) and a keyring the services start with', () => {
    const first = localEventKeys(directory, ['enrollment', 'claims']);
    const again = localEventKeys(directory, ['enrollment', 'claims']);
    expect(again.environment).toEqual(first.environment);
    expect(readFileSync(first.privateKeyFiles['claims'] as string, 'utf8')).toBe(
      readFileSync(again.privateKeyFiles['claims'] as string, 'utf8'),
    );
    expect(statSync(first.privateKeyFiles['enrollment'] as string).mode & 0o777).toBe(0o600);

    const claims = eventSigningFromEnvironment('claims', first.environment);
    expect(claims.signingKey.keyId).toBe('claims-local');
    const value = Buffer.from('{}');
    const headers = signatureHeaders(claims.signingKey, 'claims.events', value);
    const keyring = EventKeyring.parse(readFileSync(first.keyringFile, 'utf8'));
    expect(verifyEventSignature(keyring, { topic: 'claims.events', value, headers })).toMatchObject(
      {
        ok: true,
        context: 'claims',
      },
    );
  });

  it('takes the key and the keyring as PEM and JSON text too', () => {
    const local = localEventKeys(directory, ['payouts']);
    const config = eventSigningFromEnvironment('payouts', {
      PAYOUTS_EVENT_SIGNING_KEY: readFileSync(local.privateKeyFiles['payouts'] as string, 'utf8'),
      EVENT_PUBLIC_KEYS: readFileSync(local.keyringFile, 'utf8'),
    });
    expect(config.signingKey.keyId).toBe('payouts-local');
  });

  it('refuses to start without a key, with a key the keyring does not publish, or with another context’s key', () => {
    const local = localEventKeys(directory, ['enrollment', 'claims']);
    expect(() => eventSigningFromEnvironment('claims', {})).toThrow(EventSigningConfigError);
    expect(() =>
      eventSigningFromEnvironment('claims', { EVENT_PUBLIC_KEYS: local.keyringFile }),
    ).toThrow(/CLAIMS_EVENT_SIGNING_KEY/);
    expect(() =>
      eventSigningFromEnvironment('claims', {
        CLAIMS_EVENT_SIGNING_KEY: local.privateKeyFiles['enrollment'],
        EVENT_PUBLIC_KEYS: local.keyringFile,
      }),
    ).toThrow(/published for enrollment, not claims/);
    const other = localEventKeys(join(directory, 'other'), ['claims']);
    expect(() =>
      eventSigningFromEnvironment('claims', {
        CLAIMS_EVENT_SIGNING_KEY: other.privateKeyFiles['claims'],
        EVENT_PUBLIC_KEYS: local.keyringFile,
      }),
    ).toThrow(/not in the published keyring/);
  });

  it('gives a benchmark process keys of its own', () => {
    const signing = ephemeralEventSigning(['enrollment', 'claims']);
    expect(signing('claims').eventSigning.signingKey.keyId).toBe('claims-ephemeral');
    expect(signing('claims').eventSigning.keyring.keys).toHaveLength(2);
    expect(() => signing('payouts')).toThrow(EventSigningConfigError);
  });
});
