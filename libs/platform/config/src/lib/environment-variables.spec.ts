import { InvalidEnvironmentError, describeEnvironment, validateEnvironment } from './environment-variables';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  NIR_ENCRYPTION_KEY: 'a'.repeat(44),
  NIR_HMAC_KEY: 'b'.repeat(44),
  OIDC_ISSUER: 'https://proconnect.example',
};

describe('validateEnvironment', () => {
  it('should apply defaults when optional variables are absent', () => {
    const env = validateEnvironment(valid);
    expect(env.PORT).toBe(3000);
    expect(env.NODE_ENV).toBe('development');
  });

  it('should convert PORT from a string when it is set', () => {
    expect(validateEnvironment({ ...valid, PORT: '4100' }).PORT).toBe(4100);
  });

  it('should default the worker lock and stalled check to 30 s and refuse less than 1 s when they are set', () => {
    const env = validateEnvironment(valid);
    expect([env.WORKER_LOCK_DURATION_MS, env.WORKER_STALLED_INTERVAL_MS]).toEqual([30000, 30000]);
    expect(
      validateEnvironment({ ...valid, WORKER_STALLED_INTERVAL_MS: '2000' }).WORKER_STALLED_INTERVAL_MS,
    ).toBe(2000);
    expect(() => validateEnvironment({ ...valid, WORKER_LOCK_DURATION_MS: '10' })).toThrow(
      /WORKER_LOCK_DURATION_MS/,
    );
  });

  it('should list every problem when several variables are wrong', () => {
    try {
      validateEnvironment({ ...valid, DATABASE_URL: 'mysql://x', PORT: '70000' });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEnvironmentError);
      const problems = (error as InvalidEnvironmentError).problems.join('\n');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('PORT');
    }
  });

  it('should turn introspection off when NODE_ENV is production', () => {
    expect(
      validateEnvironment({ ...valid, NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' })
        .GRAPHQL_INTROSPECTION,
    ).toBe(false);
  });

  it('should default the audience and the two-factor acr values, and read OIDC_SUBJECT_IS_LOGIN as a string', () => {
    const env = validateEnvironment(valid);
    expect(env.OIDC_AUDIENCE).toBe('urn:spie-hub:gateway');
    expect(env.OIDC_TWO_FACTOR_ACR.split(',')).toContain('eidas2');
    expect(env.OIDC_SUBJECT_IS_LOGIN).toBe(false);
    expect(validateEnvironment({ ...valid, OIDC_SUBJECT_IS_LOGIN: 'true' }).OIDC_SUBJECT_IS_LOGIN).toBe(true);
  });

  it('should refuse an issuer that is not a URL, and http issuers or login subjects in production', () => {
    expect(() => validateEnvironment({ ...valid, OIDC_ISSUER: 'proconnect' })).toThrow(/OIDC_ISSUER/);
    expect(validateEnvironment({ ...valid, OIDC_ISSUER: 'http://127.0.0.1:4100' }).OIDC_ISSUER).toBe(
      'http://127.0.0.1:4100',
    );
    expect(() =>
      validateEnvironment({ ...valid, NODE_ENV: 'production', OIDC_PERSON_ISSUER: 'http://fc.example' }),
    ).toThrow(/OIDC_PERSON_ISSUER: an issuer must use https in production/);
    expect(() =>
      validateEnvironment({ ...valid, NODE_ENV: 'production', OIDC_SUBJECT_IS_LOGIN: 'true' }),
    ).toThrow(/OIDC_SUBJECT_IS_LOGIN/);
  });

  it('should harden GraphQL when GRAPHQL_PRODUCTION is on, whatever NODE_ENV says', () => {
    const env = validateEnvironment({
      ...valid,
      NODE_ENV: 'development',
      GRAPHQL_PRODUCTION: 'true',
      GRAPHQL_INTROSPECTION: 'true',
    });
    expect([env.GRAPHQL_PRODUCTION, env.GRAPHQL_INTROSPECTION]).toEqual([true, false]);
    expect(validateEnvironment({ ...valid, GRAPHQL_PRODUCTION: '1' }).GRAPHQL_PRODUCTION).toBe(true);
  });

  it('should turn GRAPHQL_PRODUCTION on when NODE_ENV is production, even when it is set to false', () => {
    expect(
      validateEnvironment({ ...valid, NODE_ENV: 'production', GRAPHQL_PRODUCTION: 'false' })
        .GRAPHQL_PRODUCTION,
    ).toBe(true);
  });

  it('should leave introspection on and GraphQL unhardened when nothing is set outside production', () => {
    const env = validateEnvironment(valid);
    expect([env.GRAPHQL_PRODUCTION, env.GRAPHQL_INTROSPECTION]).toEqual([false, true]);
  });

  it('should refuse a GRAPHQL_PRODUCTION spelling it does not know rather than read it as off', () => {
    expect(() => validateEnvironment({ ...valid, GRAPHQL_PRODUCTION: 'yes' })).toThrow(/GRAPHQL_PRODUCTION/);
  });

  it('should default the rate limits and refuse a budget below one request', () => {
    const env = validateEnvironment(valid);
    expect([
      env.RATE_LIMIT_REQUESTS,
      env.RATE_LIMIT_ANONYMOUS_REQUESTS,
      env.RATE_LIMIT_WINDOW_SECONDS,
    ]).toEqual([600, 120, 60]);
    expect(validateEnvironment({ ...valid, RATE_LIMIT_REQUESTS: '5' }).RATE_LIMIT_REQUESTS).toBe(5);
    expect(() => validateEnvironment({ ...valid, RATE_LIMIT_REQUESTS: '0' })).toThrow(/RATE_LIMIT_REQUESTS/);
  });

  it('should mask secrets when the settings are described', () => {
    const described = describeEnvironment(validateEnvironment(valid));
    expect(described['NIR_HMAC_KEY']).toBe('***');
    expect(described['PORT']).toBe(3000);
  });
});
