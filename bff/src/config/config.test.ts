import { ConfigError, loadConfig } from './config';

const valid = {
  PUBLIC_URL: 'http://localhost:3000',
  PSC_DISCOVERY_URL: 'http://localhost:4010/auth/realms/esante-wallet/.well-known/wallet-openid-configuration',
  PSC_ALLOW_HTTP: 'true',
  PSC_CLIENT_ID: 'sesali',
  PSC_CLIENT_SECRET: 'a-client-secret-of-some-length',
  SESSION_SECRET: 'x'.repeat(32),
  CONTACT_POINT_URL: 'https://ncp.example.test',
  ASSERTION_KEY_FILE: '/run/secrets/assertion-key.pem',
  AUDIT_HMAC_KEY: 'k'.repeat(32),
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('accepts a minimal valid environment and derives the OIDC URLs from PUBLIC_URL', () => {
    const config = loadConfig(valid);
    expect(config.psc.redirectUri).toBe('http://localhost:3000/auth/callback');
    expect(config.session.store).toEqual({ kind: 'sqlite', path: '.data/sessions.sqlite' });
    expect(config.audit.store).toEqual({ kind: 'sqlite', path: '.data/audit.sqlite' });
    expect(config.secureCookies).toBe(false);
    expect(config.browserMinVersions).toEqual({ chrome: 140, edge: 140, firefox: 140, safari: 17 });
  });

  it('names every missing or bad variable at once', () => {
    const problems = problemsOf({ PUBLIC_URL: 'not a url', SESSION_SECRET: 'short' });
    const names = problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'PUBLIC_URL',
        'PSC_DISCOVERY_URL',
        'PSC_CLIENT_ID',
        'PSC_CLIENT_SECRET',
        'SESSION_SECRET',
      ]),
    );
  });

  it('refuses an http provider unless explicitly allowed, and redis without its URL', () => {
    expect(problemsOf({ ...valid, PSC_ALLOW_HTTP: undefined })).toEqual([
      expect.stringMatching(/^PSC_DISCOVERY_URL: is http/),
    ]);
    expect(problemsOf({ ...valid, SESSION_STORE: 'redis' })).toEqual([expect.stringMatching(/^REDIS_URL: required/)]);
  });

  it('parses browser minimums and rejects a malformed list', () => {
    expect(
      loadConfig({ ...valid, BROWSER_MIN_VERSIONS: 'chrome:150,edge:150,firefox:128,safari:17' }).browserMinVersions
        .firefox,
    ).toBe(128);
    expect(problemsOf({ ...valid, BROWSER_MIN_VERSIONS: 'chrome=150' })).toHaveLength(1);
    expect(problemsOf({ ...valid, BROWSER_MIN_VERSIONS: 'chrome:150' })[0]).toMatch(/^BROWSER_MIN_VERSIONS/);
  });

  it('uses secure cookies behind https', () => {
    expect(loadConfig({ ...valid, PUBLIC_URL: 'https://sesali.example.fr/' }).secureCookies).toBe(true);
  });

  it('keeps the audit trail in PostgreSQL when AUDIT_DATABASE_URL is set, and requires its HMAC key', () => {
    expect(loadConfig({ ...valid, AUDIT_DATABASE_URL: 'postgres://sesali@db.internal/audit' }).audit.store).toEqual({
      kind: 'postgres',
      url: 'postgres://sesali@db.internal/audit',
    });
    expect(problemsOf({ ...valid, AUDIT_HMAC_KEY: undefined })).toEqual([expect.stringMatching(/^AUDIT_HMAC_KEY/)]);
    expect(problemsOf({ ...valid, AUDIT_DATABASE_URL: 'mysql://x/y' })).toEqual([
      expect.stringMatching(/^AUDIT_DATABASE_URL/),
    ]);
  });
});
