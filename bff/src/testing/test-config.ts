import type { JWK } from 'jose';
import { loadConfig, type Config } from '../config/config';

export const CHROME_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
export const TEST_PUBLIC_URL = 'http://localhost:3999';
export const TEST_CONTACT_POINT_URL = 'https://ncp.sesali.test';
export const TEST_CLIENT = { clientId: 'sesali-test', clientSecret: 'test-client-secret-0123456789' };

/**
 * The key the tests' PSC simulators sign with, made once per Jest run (scripts/jest-global-setup.mjs); absent
 * (a test run another way), each simulator makes its own.
 */
export const TEST_PSC_SIGNING_KEY: JWK | undefined = process.env.SESALI_TEST_PSC_JWK
  ? (JSON.parse(process.env.SESALI_TEST_PSC_JWK) as JWK)
  : undefined;

export function testConfig(discoveryUrl: string, overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: TEST_PUBLIC_URL,
    PSC_DISCOVERY_URL: discoveryUrl,
    PSC_ALLOW_HTTP: 'true',
    PSC_CLIENT_ID: TEST_CLIENT.clientId,
    PSC_CLIENT_SECRET: TEST_CLIENT.clientSecret,
    PSC_TIMEOUT_MS: '2000',
    SESSION_SECRET: 'test-session-secret-0123456789abcdef',
    SESSION_SQLITE_PATH: ':memory:',
    CONTACT_POINT_URL: TEST_CONTACT_POINT_URL,
    CONTACT_POINT_TIMEOUT_MS: '1500',
    // The tests pass the key itself (test-dependencies.ts); this path is never read.
    ASSERTION_KEY_FILE: '/nonexistent/test-key.pem',
    AUDIT_HMAC_KEY: 'test-audit-hmac-key-0123456789abcdef',
    // The harness opens its own audit store; this directory is never written.
    DATA_DIR: '/nonexistent/sesali-test-data',
    // Tests that are not about the limits must not meet them (the property tests search hundreds of times).
    RATE_LIMIT_SEARCH_PER_MINUTE: '100000',
    RATE_LIMIT_SEARCH_PER_HOUR: '1000000',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    ...overrides,
  });
}
