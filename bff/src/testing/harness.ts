/**
 * The BFF as the browser tests see it, for integration tests: a real PSC simulator, SQLite sessions, the real
 * contact-point client talking to the simulated member states (MSW) built from fixture folders (the shipped
 * ones by default), and supertest agents logged in as a persona.
 */
import { createLocalJWKSet } from 'jose';
import { setupServer, type SetupServer } from 'msw/node';
import request from 'supertest';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type session from 'express-session';
import { shippedFixturesDir } from '@sesali/mocks/fixtures-dir';
import { createFixtureStore, memberStateHandlers } from '@sesali/mocks/member-states';
import { startPscSimulator } from '@sesali/mocks/psc';
import { createApp } from '../app';
import type { AuditStore } from '../audit/audit-store';
import { openSqliteAuditStore } from '../audit/sqlite-audit-store';
import type { Config } from '../config/config';
import { openSessionStore } from '../stores/session-store';
import { loginAtSimulator } from './psc-browser';
import { CHROME_UA, TEST_CLIENT, TEST_PSC_SIGNING_KEY, TEST_PUBLIC_URL, testConfig } from './test-config';
import { testDependencies } from './test-dependencies';

export type Agent = ReturnType<typeof request.agent>;

export interface Harness {
  app: Express;
  config: Config;
  /** The audit trail's store (SQLite in memory unless the test gives one). */
  auditStore: AuditStore;
  /** The session store the app uses (encrypted at rest). */
  sessionStore: session.Store;
  /** The simulated member states (MSW): a test may add handlers (an outage) and reset them. */
  memberStates: SetupServer;
  browser(): Agent;
  loggedIn(persona: string): Promise<Agent>;
  close(): Promise<void>;
}

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

export async function startHarness(
  options: { fixtureDirs?: string[]; env?: Record<string, string>; auditStore?: AuditStore; logger?: Logger } = {},
): Promise<Harness> {
  const psc = await startPscSimulator({
    port: 0,
    signingKey: TEST_PSC_SIGNING_KEY,
    clients: [
      {
        ...TEST_CLIENT,
        redirectUris: [`${TEST_PUBLIC_URL}/auth/callback`],
        postLogoutRedirectUris: [`${TEST_PUBLIC_URL}/`],
      },
    ],
  });
  const config = testConfig(psc.discoveryUrl, options.env);
  const store = await openSessionStore(config.session);
  const auditStore = options.auditStore ?? openSqliteAuditStore(':memory:');
  const deps = await testDependencies(config, store.store, auditStore);
  if (options.logger) deps.logger = options.logger;
  const fixtures = createFixtureStore(options.fixtureDirs ?? [shippedFixturesDir]);
  const memberStates = setupServer(
    ...memberStateHandlers({
      baseUrl: config.contactPoint.url,
      fixtures,
      keys: createLocalJWKSet(deps.signer.jwks),
      audience: config.contactPoint.url,
    }),
  );
  // Only the contact point is simulated; the app under test and the PSC simulator are real local servers.
  memberStates.listen({
    onUnhandledRequest: (req, print) => {
      if (!LOCAL.has(new URL(req.url).hostname)) print.error();
    },
  });
  const app = createApp(config, deps);
  const browser = () => request.agent(app).set('User-Agent', CHROME_UA).set('Origin', TEST_PUBLIC_URL);

  return {
    app,
    config,
    memberStates,
    auditStore,
    sessionStore: store.store,
    browser,
    async loggedIn(persona) {
      const agent = browser();
      const login = await agent.get('/auth/login').expect(303);
      const callback = await loginAtSimulator(String(login.headers.location), { persona });
      await agent.get(`${callback.pathname}${callback.search}`).expect(303);
      return agent;
    },
    async close() {
      memberStates.close();
      await store.close();
      await auditStore.close();
      await psc.close();
    },
  };
}
