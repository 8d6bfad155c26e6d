import { ConfigError, loadConfig } from './config';
import { nodeRuntimeWarning } from './production-safety';

const valid = {
  NODE_ENV: 'development',
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

describe('METRICS_TOKEN', () => {
  it('is unset by default, and at least 32 printable characters when set', () => {
    expect(loadConfig(valid).metricsToken).toBeUndefined();
    expect(loadConfig({ ...valid, METRICS_TOKEN: 'm'.repeat(32) }).metricsToken).toBe('m'.repeat(32));
    expect(problemsOf({ ...valid, METRICS_TOKEN: 'short' })).toEqual([expect.stringMatching(/^METRICS_TOKEN: /)]);
    expect(problemsOf({ ...valid, METRICS_TOKEN: `${'m'.repeat(32)} x` })).toEqual([
      expect.stringMatching(/^METRICS_TOKEN: /),
    ]);
  });
});

describe('production', () => {
  const strong = (seed: string) => `${seed}-9f8e7d6c5b4a3210fedcba9876543210abcdef01`;
  const production = {
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://sesali.sante.fr',
    PSC_DISCOVERY_URL:
      'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration',
    PSC_CLIENT_ID: 'sesali-prod',
    PSC_CLIENT_SECRET: strong('client'),
    SESSION_SECRET: strong('session'),
    SESSION_STORE: 'redis',
    REDIS_URL: 'rediss://redis.internal:6380',
    CONTACT_POINT_URL: 'https://ncp.sante.fr',
    ASSERTION_KEY_FILE: '/run/secrets/assertion-key.pem',
    AUDIT_HMAC_KEY: strong('audit'),
    AUDIT_DATABASE_URL: 'postgres://sesali@db.internal/audit?sslmode=verify-full',
    TRUST_PROXY: '1',
  };

  it('starts with safe settings', () => {
    expect(problemsOf(production)).toEqual([]);
    expect(problemsOf({ ...production, METRICS_TOKEN: strong('metrics') })).toEqual([]);
  });

  it.each([
    ['PUBLIC_URL', { PUBLIC_URL: 'http://sesali.sante.fr' }],
    ['PSC_DISCOVERY_URL', { PSC_DISCOVERY_URL: 'http://psc.example.fr/.well-known/x', PSC_ALLOW_HTTP: undefined }],
    ['CONTACT_POINT_URL', { CONTACT_POINT_URL: 'http://ncp.sante.fr' }],
    ['PSC_ALLOW_HTTP', { PSC_ALLOW_HTTP: 'true' }],
    ['PSC_ACCEPTED_ACR', { PSC_ACCEPTED_ACR: 'none' }],
    ['PSC_ACCEPTED_ACR', { PSC_ACCEPTED_ACR: 'eidas1,none' }],
    ['SESSION_SECRET', { SESSION_SECRET: 'a'.repeat(64) }],
    ['SESSION_SECRET', { SESSION_SECRET: 'abababababababababababababababab' }],
    ['AUDIT_HMAC_KEY', { AUDIT_HMAC_KEY: '0123456789'.repeat(3) + '01' }],
    ['METRICS_TOKEN', { METRICS_TOKEN: '0123456789'.repeat(3) + '01' }],
    ['REDIS_URL', { REDIS_URL: 'redis://redis.internal:6379' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'true' }],
    ['TRUST_PROXY', { TRUST_PROXY: undefined }],
    ['AUDIT_DATABASE_URL', { AUDIT_DATABASE_URL: 'postgres://sesali@db.internal/audit' }],
    ['AUDIT_DATABASE_URL', { AUDIT_DATABASE_URL: 'postgres://sesali@db.internal/audit?sslmode=prefer' }],
    ['PSC_CLIENT_ID', { PSC_CLIENT_ID: 'sesali-dev' }],
    ['CONTACT_POINT_URL', { CONTACT_POINT_URL: 'https://ncp.sesali.test' }],
  ])('refuses an unsafe %s, naming it', (name, change) => {
    const problems = problemsOf({ ...production, ...change });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${name}: `))]));
  });

  it('keeps the sessions in DATA_DIR unless SESSION_SQLITE_PATH says otherwise', () => {
    const embedded = { ...production, SESSION_STORE: 'sqlite', DATA_DIR: '/var/lib/sesali' };
    expect(loadConfig(embedded).session.store).toEqual({ kind: 'sqlite', path: '/var/lib/sesali/sessions.sqlite' });
    expect(loadConfig({ ...embedded, SESSION_SQLITE_PATH: '/srv/s.sqlite' }).session.store).toEqual({
      kind: 'sqlite',
      path: '/srv/s.sqlite',
    });
  });

  it('allows loopback http:// and redis:// in an explicit QA mode only', () => {
    const qa = {
      ...production,
      PUBLIC_URL: 'http://localhost:3000',
      CONTACT_POINT_URL: 'http://127.0.0.1:8080',
      REDIS_URL: 'redis://127.0.0.1:6379',
    };
    expect(problemsOf(qa).map((p) => p.split(':')[0])).toEqual(['PUBLIC_URL', 'CONTACT_POINT_URL']);
    expect(problemsOf({ ...qa, SESALI_QA_MODE: 'true' })).toEqual([]);
  });
});

describe('nodeRuntimeWarning', () => {
  const on = (date: string) => new Date(`${date}T12:00:00Z`);

  it('warns about a Node.js line past its end of life, from the day after', () => {
    expect(nodeRuntimeWarning('v20.20.2', on('2026-04-30'))).toBeUndefined();
    expect(nodeRuntimeWarning('v20.20.2', on('2026-05-01'))).toMatch(
      /^Node\.js v20\.20\.2 is past its end of life \(2026-04-30\).*Node\.js 24 LTS/,
    );
    expect(nodeRuntimeWarning('v22.12.0', on('2026-11-30'))).toBeUndefined();
    expect(nodeRuntimeWarning('v22.12.0', on('2027-05-01'))).toMatch(/past its end of life \(2027-04-30\)/);
    expect(nodeRuntimeWarning('v24.18.1', on('2026-11-30'))).toBeUndefined();
  });

  it('warns about a line Sesali is not tested on', () => {
    expect(nodeRuntimeWarning('v23.1.0', on('2026-11-30'))).toMatch(/not a line Sesali is tested on/);
    expect(nodeRuntimeWarning('v26.0.0', on('2026-11-30'))).toMatch(/not a line Sesali is tested on/);
  });
});
