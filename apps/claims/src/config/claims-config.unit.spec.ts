import { Topics } from '@santunan/contracts';
import { DEFAULT_CHECKER_THRESHOLD, claimsConfigFromEnvironment } from './claims-config';

describe('claims configuration from the environment', () => {
  const saved = process.env['AUTH_ISSUER_URL'];
  beforeAll(() => {
    process.env['AUTH_ISSUER_URL'] = 'http://127.0.0.1:8180/realms/santunan';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env['AUTH_ISSUER_URL'];
    else process.env['AUTH_ISSUER_URL'] = saved;
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
