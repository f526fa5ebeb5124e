import { auditTargets, targetOf } from './targets';

describe('audit targets found the way the services find their databases and topics', () => {
  it('names <prefix>_<service> and <prefix>_keys on the server of DATABASE_URL', () => {
    const targets = auditTargets(
      {},
      {
        DATABASE_URL: 'postgres://auditor@db.example:5433/postgres',
        PLATFORM_DATABASE_PREFIX: 'run7',
      },
    );
    expect(targets.services.map((target) => target.databaseUrl)).toEqual([
      'postgres://auditor@db.example:5433/run7_enrollment',
      'postgres://auditor@db.example:5433/run7_contributions',
      'postgres://auditor@db.example:5433/run7_claims',
      'postgres://auditor@db.example:5433/run7_payouts',
    ]);
    expect(targets.keysDatabaseUrl).toBe('postgres://auditor@db.example:5433/run7_keys');
    expect(targets.kafkaBrokers).toEqual(['127.0.0.1:9092']);
  });

  it('defaults to the santunan_ databases and the contracts topics', () => {
    const targets = auditTargets({}, {});
    expect(targetOf(targets, 'claims')).toEqual({
      service: 'claims',
      databaseUrl: expect.stringMatching(/\/santunan_claims$/),
      topic: 'claims.events',
    });
    expect(targets.keysDatabaseUrl).toMatch(/\/santunan_keys$/);
  });

  it('honours each service variable, the key database and the topics, with overrides winning', () => {
    const env = {
      PAYOUTS_DATABASE_URL: 'postgres://x@h/pay_here',
      KEYS_DATABASE_URL: 'postgres://x@h/keys_here',
      CLAIMS_EVENTS_TOPIC: 'run7.claims.events',
      KAFKA_BROKERS: 'k1:9092,k2:9092',
    };
    const targets = auditTargets({ topics: { payouts: 'forced.payouts' } }, env);
    expect(targetOf(targets, 'payouts')).toMatchObject({
      databaseUrl: 'postgres://x@h/pay_here',
      topic: 'forced.payouts',
    });
    expect(targetOf(targets, 'claims').topic).toBe('run7.claims.events');
    expect(targets.keysDatabaseUrl).toBe('postgres://x@h/keys_here');
    expect(targets.kafkaBrokers).toEqual(['k1:9092', 'k2:9092']);
    // An explicit server (the CLI's --database-url) names every database on it.
    const onServer = auditTargets({ databaseServerUrl: 'postgres://y@other/postgres' }, env);
    expect(targetOf(onServer, 'payouts').databaseUrl).toBe('postgres://y@other/santunan_payouts');
    expect(onServer.keysDatabaseUrl).toBe('postgres://y@other/santunan_keys');
  });

  it('refuses a prefix that is not a safe database name', () => {
    expect(() => auditTargets({}, { PLATFORM_DATABASE_PREFIX: 'x"; drop' })).toThrow(
      /PLATFORM_DATABASE_PREFIX/,
    );
  });
});
