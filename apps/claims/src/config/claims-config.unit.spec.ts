import { EventKeyring, Topics } from '@santunan/contracts';
import { testEventKeyring, testSigningKey } from '@santunan/testing';
import { DEFAULT_CHECKER_THRESHOLD, claimsConfigFromEnvironment } from './claims-config';

describe('claims configuration from the environment', () => {
  // What every service needs from the process environment besides claims' own settings:
  // an identity provider and its event signing key with the published keyring (ADR 0025).
  const platformSettings: Record<string, string> = {
    AUTH_ISSUER_URL: 'http://127.0.0.1:8180/realms/santunan',
    CLAIMS_EVENT_SIGNING_KEY: testSigningKey('claims')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    EVENT_PUBLIC_KEYS: JSON.stringify(EventKeyring.document(testEventKeyring.keys)),
  };
  const saved = Object.fromEntries(
    Object.keys(platformSettings).map((name) => [name, process.env[name]]),
  );
  beforeAll(() => {
    Object.assign(process.env, platformSettings);
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('defaults to the platform topics, port 3003 and a Rp10,000,000 maker–checker threshold', () => {
    const config = claimsConfigFromEnvironment({});
    expect(config).toMatchObject({
      eventsTopic: Topics.claimsEvents,
      enrollmentTopic: Topics.enrollmentEvents,
      contributionsTopic: Topics.contributionsEvents,
      makerCheckerThreshold: DEFAULT_CHECKER_THRESHOLD,
      service: { serviceName: 'claims' },
    });
    expect(DEFAULT_CHECKER_THRESHOLD).toBe(10_000_000);
    expect(config.calendar.id).toBe('ID-national-2025-2027');
  });

  it('takes the threshold from CLAIMS_CHECKER_THRESHOLD, in whole rupiah only', () => {
    expect(
      claimsConfigFromEnvironment({ CLAIMS_CHECKER_THRESHOLD: '25000000' }).makerCheckerThreshold,
    ).toBe(25_000_000);
    for (const bad of ['0', '-5', '10000000.5', 'ten million']) {
      expect(() => claimsConfigFromEnvironment({ CLAIMS_CHECKER_THRESHOLD: bad })).toThrow(
        /CLAIMS_CHECKER_THRESHOLD/,
      );
    }
  });

  it('adds cuti bersama from CLAIMS_EXTRA_HOLIDAYS to the working-day calendar', () => {
    const config = claimsConfigFromEnvironment({
      CLAIMS_EXTRA_HOLIDAYS: '2026-12-24, 2026-12-31',
    });
    expect([...config.calendar.holidays]).toEqual(
      expect.arrayContaining(['2026-12-24', '2026-12-31']),
    );
    expect(() => claimsConfigFromEnvironment({ CLAIMS_EXTRA_HOLIDAYS: '24-12-2026' })).toThrow(
      /CLAIMS_EXTRA_HOLIDAYS/,
    );
  });
});
