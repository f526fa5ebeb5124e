import { kafkaSaslFromEnvironment } from './kafka-sasl';

describe('kafkaSaslFromEnvironment', () => {
  it("takes the principal's own user first, then KAFKA_SASL_*, with SCRAM-SHA-512 by default", () => {
    const env = {
      KAFKA_SASL_USERNAME: 'admin',
      KAFKA_SASL_PASSWORD: 'admin-pw',
      CLAIMS_KAFKA_USERNAME: 'claims',
      CLAIMS_KAFKA_PASSWORD: 'claims-pw',
    };
    expect(kafkaSaslFromEnvironment('claims', env)).toEqual({
      mechanism: 'scram-sha-512',
      username: 'claims',
      password: 'claims-pw',
    });
    expect(kafkaSaslFromEnvironment('payouts', env)?.username).toBe('admin');
    expect(
      kafkaSaslFromEnvironment(undefined, { ...env, KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256' }),
    ).toEqual({
      mechanism: 'scram-sha-256',
      username: 'admin',
      password: 'admin-pw',
    });
  });

  it('gives no credentials without a username (a broker without security) and refuses half of them', () => {
    expect(kafkaSaslFromEnvironment('claims', {})).toBeUndefined();
    expect(() => kafkaSaslFromEnvironment('claims', { CLAIMS_KAFKA_USERNAME: 'claims' })).toThrow(
      /CLAIMS_KAFKA_PASSWORD/,
    );
    expect(() =>
      kafkaSaslFromEnvironment(undefined, {
        KAFKA_SASL_USERNAME: 'admin',
        KAFKA_SASL_PASSWORD: 'x',
        KAFKA_SASL_MECHANISM: 'plain',
      }),
    ).toThrow(/KAFKA_SASL_MECHANISM/);
  });
});
