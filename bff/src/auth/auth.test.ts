/**
 * The login journey against a real OpenID provider (the PSC simulator on a free port), the BFF driven by
 * supertest, SQLite sessions in memory.
 */
import { startPscSimulator, type PscSimulator } from '@sesali/mocks/psc';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../app';
import type { Config } from '../config/config';
import { openSessionStore, type SessionStoreHandle } from '../stores/session-store';
import { loginAtSimulator } from '../testing/psc-browser';
import { testDependencies } from '../testing/test-dependencies';
import { CHROME_UA, TEST_CLIENT, TEST_PSC_SIGNING_KEY, TEST_PUBLIC_URL, testConfig } from '../testing/test-config';

let psc: PscSimulator;
let config: Config;
let store: SessionStoreHandle;
let app: Express;

beforeAll(async () => {
  psc = await startPscSimulator({
    port: 0,
    signingKey: TEST_PSC_SIGNING_KEY,
    clients: [
      {
        ...TEST_CLIENT,
        redirectUris: [`${TEST_PUBLIC_URL}/auth/callback`],
        postLogoutRedirectUris: [`${TEST_PUBLIC_URL}/`],
      },
      {
        clientId: 'sesali-test-jwt',
        clientSecret: TEST_CLIENT.clientSecret,
        redirectUris: [`${TEST_PUBLIC_URL}/auth/callback`],
        postLogoutRedirectUris: [`${TEST_PUBLIC_URL}/`],
        signedUserinfo: true,
      },
    ],
  });
  config = testConfig(psc.discoveryUrl);
  store = await openSessionStore(config.session);
  app = createApp(config, await testDependencies(config, store.store));
});

afterAll(async () => {
  await store.close();
  await psc.close();
});

function browser() {
  return request.agent(app).set('User-Agent', CHROME_UA).set('Origin', TEST_PUBLIC_URL);
}

async function startLogin(agent: ReturnType<typeof browser>) {
  const response = await agent.get('/auth/login').expect(303);
  const location = response.headers.location as string;
  expect(location.startsWith(psc.issuer)).toBe(true);
  return new URL(location);
}

async function logIn(persona: string) {
  const agent = browser();
  const authorization = await startLogin(agent);
  const callback = await loginAtSimulator(authorization.href, { persona });
  const done = await agent.get(`${callback.pathname}${callback.search}`).expect(303);
  return { agent, callback, location: done.headers.location as string };
}

const storedSessions = () =>
  new Promise<number>((resolve, reject) =>
    store.store.length!((error, n) => (error ? reject(error as Error) : resolve(n ?? 0))),
  );

describe('login with Pro Santé Connect', () => {
  it('stores nothing on the server before the callback: 150 logins started leave no session row', async () => {
    const before = await storedSessions();
    for (let i = 0; i < 150; i += 1) await browser().get('/auth/login').expect(303);
    expect(await storedSessions()).toBe(before);
  });

  it('refuses a callback whose login cookie was altered or sealed with another secret', async () => {
    const agent = browser();
    const first = await agent.get('/auth/login').expect(303);
    const callback = await loginAtSimulator(first.headers.location as string, { persona: 'medecin-generaliste' });
    const sealed = /^sesali\.login=([^;]+)/.exec(String(first.headers['set-cookie']))?.[1] ?? '';
    const altered = `${sealed.slice(0, -3)}${sealed.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const tampered = await browser()
      .set('Cookie', `sesali.login=${altered}`)
      .get(`${callback.pathname}${callback.search}`)
      .expect(303);
    expect(tampered.headers.location).toBe('/erreur-connexion?raison=state_mismatch');

    const otherSecret = createApp(
      { ...config, session: { ...config.session, secret: 'another-secret-of-at-least-32-characters!!' } },
      await testDependencies(config, store.store),
    );
    const foreign = await request(otherSecret)
      .get(`${callback.pathname}${callback.search}`)
      .set('User-Agent', CHROME_UA)
      .set('Cookie', `sesali.login=${sealed}`)
      .expect(303);
    expect(foreign.headers.location).toBe('/erreur-connexion?raison=state_mismatch');
    // The genuine cookie still completes the login.
    const done = await agent.get(`${callback.pathname}${callback.search}`).expect(303);
    expect(done.headers.location).toBe('/');
  });

  it('asks PSC for a code with PKCE S256, state, nonce, scope_all and eidas1', async () => {
    const url = await startLogin(browser());
    const params = url.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('scope')).toBe('openid scope_all');
    expect(params.get('acr_values')).toBe('eidas1');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('redirect_uri')).toBe(`${TEST_PUBLIC_URL}/auth/callback`);
  });

  it('logs a persona in, answers who it is, and regenerates the session id at the callback', async () => {
    const agent = browser();
    const first = await agent.get('/auth/login').expect(303);
    // The login in progress is in its own encrypted cookie; no session exists before the callback.
    const cookiesBefore = first.headers['set-cookie'] as unknown as string[];
    expect(cookiesBefore).toHaveLength(1);
    expect(cookiesBefore[0]).toMatch(
      /^sesali\.login=[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+; Max-Age=600; .*HttpOnly.*SameSite=Lax/,
    );
    const callback = await loginAtSimulator(first.headers.location as string, { persona: 'medecin-generaliste' });
    const done = await agent.get(`${callback.pathname}${callback.search}`).expect(303);
    expect(done.headers.location).toBe('/');
    const cookiesAfter = String(done.headers['set-cookie']);
    expect(cookiesAfter).toMatch(/sesali\.sid=.*HttpOnly.*SameSite=Lax/);
    expect(cookiesAfter).toMatch(/sesali\.login=;.*Expires=Thu, 01 Jan 1970/);

    const session = await agent.get('/api/session').expect(200);
    expect(session.headers['cache-control']).toBe('no-store');
    expect(session.body.professional).toEqual({ givenName: 'Claire', familyName: 'MARTIN', authMode: 'CARD' });
    expect(session.body.access).toEqual({ decision: 'allow' });
    expect(session.body.situation.organisation).toBe('CABINET DR MARTIN');
    expect(session.body.situation.professionLabel).toBe('Médecin');
  });

  it('sends a professional with two qualifying activities to the situation choice', async () => {
    const { agent, location } = await logIn('medecin-deux-activites');
    expect(location).toBe('/situation');
    const session = await agent.get('/api/session').expect(200);
    expect(session.body.situations).toHaveLength(2);
    expect(session.body.situation).toBeNull();
    const chosen = await agent
      .post('/api/session/situation')
      .send({ situationId: session.body.situations[1].id })
      .expect(200);
    expect(chosen.body.situation.organisation).toBe('HOPITAL EDOUARD HERRIOT');
    const unknown = await agent.post('/api/session/situation').send({ situationId: 'e9a9' }).expect(400);
    expect(unknown.body.code).toBe('situation_unknown');
  });

  it('refuses a replayed authorization code and keeps the existing session', async () => {
    const { agent, callback } = await logIn('infirmiere-hospitaliere');
    // Replaying the same callback: no login in progress any more, so state does not match.
    const replay = await agent.get(`${callback.pathname}${callback.search}`).expect(303);
    expect(replay.headers.location).toBe('/erreur-connexion?raison=state_mismatch');
    await agent.get('/api/session').expect(200);

    // A new login in progress, then a forged code with the right state: PSC refuses the code.
    const authorization = await startLogin(agent);
    const state = authorization.searchParams.get('state') as string;
    const iss = encodeURIComponent(psc.issuer);
    const forged = await agent.get(`/auth/callback?code=forged-code&state=${state}&iss=${iss}`).expect(303);
    expect(forged.headers.location).toBe('/erreur-connexion?raison=code_invalid');
    // Without the issuer parameter PSC always sends (RFC 9207), the response itself is rejected.
    const second = await startLogin(agent);
    const noIss = await agent
      .get(`/auth/callback?code=forged-code&state=${second.searchParams.get('state')}`)
      .expect(303);
    expect(noIss.headers.location).toBe('/erreur-connexion?raison=token_invalid');
    const session = await agent.get('/api/session').expect(200);
    expect(session.body.professional.familyName).toBe('BERNARD');
  });

  it('refuses a callback with a wrong state and leaves the login in progress usable', async () => {
    const agent = browser();
    const authorization = await startLogin(agent);
    const wrong = await agent.get('/auth/callback?code=abc&state=not-the-state').expect(303);
    expect(wrong.headers.location).toBe('/erreur-connexion?raison=state_mismatch');
    await agent.get('/api/session').expect(401);
    const callback = await loginAtSimulator(authorization.href, { persona: 'medecin-generaliste' });
    await agent.get(`${callback.pathname}${callback.search}`).expect(303, /Redirecting to \//);
    await agent.get('/api/session').expect(200);
  });

  it('shows the card refusal when PSC answers access_denied', async () => {
    const agent = browser();
    const authorization = await startLogin(agent);
    const callback = await loginAtSimulator(authorization.href, 'refuse');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const done = await agent.get(`${callback.pathname}${callback.search}`).expect(303);
    expect(done.headers.location).toBe('/acces-refuse?raison=card_refused');
    await agent.get('/api/session').expect(401);
  });

  it('logs out: destroys the session and answers PSC end-session URL with id_token_hint', async () => {
    const { agent } = await logIn('medecin-generaliste');
    const out = await agent.post('/auth/logout').set('Content-Type', 'application/json').send('{}').expect(200);
    const redirect = new URL(out.body.redirectUrl);
    expect(redirect.href.startsWith(`${psc.issuer}/protocol/openid-connect/logout`)).toBe(true);
    expect(redirect.searchParams.get('id_token_hint')).toBeTruthy();
    expect(redirect.searchParams.get('post_logout_redirect_uri')).toBe(`${TEST_PUBLIC_URL}/`);
    const after = await agent.get('/api/session').expect(401);
    expect(after.body.code).toBe('not_authenticated');
  });

  it('refuses a logout posted from another origin', async () => {
    const { agent } = await logIn('medecin-generaliste');
    const refused = await agent.post('/auth/logout').set('Origin', 'https://evil.example').expect(403);
    expect(refused.body.code).toBe('forbidden_origin');
    await agent.get('/api/session').expect(200);
  });

  it('reads userinfo served as a signed JWT, as PSC may send it', async () => {
    const jwtConfig = testConfig(psc.discoveryUrl, { PSC_CLIENT_ID: 'sesali-test-jwt' });
    const jwtApp = createApp(jwtConfig, await testDependencies(jwtConfig, store.store));
    const agent = request.agent(jwtApp).set('User-Agent', CHROME_UA).set('Origin', TEST_PUBLIC_URL);
    const login = await agent.get('/auth/login').expect(303);
    const callback = await loginAtSimulator(String(login.headers.location), { persona: 'medecin-du-travail' });
    // Record what the userinfo endpoint answers the BFF, to be sure it was a JWT and not JSON.
    const realFetch = globalThis.fetch;
    const userinfoTypes: (string | null)[] = [];
    globalThis.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/protocol/openid-connect/userinfo')) userinfoTypes.push(response.headers.get('content-type'));
      return response;
    };
    let done;
    try {
      done = await agent.get(`${callback.pathname}${callback.search}`).expect(303);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(userinfoTypes).toEqual([expect.stringMatching(/^application\/jwt/)]);
    expect(done.headers.location).toBe('/acces-refuse?raison=occupational_medicine');
    const session = await agent.get('/api/session').expect(200);
    expect(session.body.access).toEqual({ decision: 'deny', reason: 'occupational_medicine' });
  });

  it('sends the professional to the login error page, not a 500, when the session store fails at the callback', async () => {
    const set = store.store.set.bind(store.store);
    store.store.set = (_sid, _session, callback) => callback?.(new Error('store down'));
    try {
      const { location } = await logIn('medecin-generaliste');
      expect(location).toBe('/erreur-connexion?raison=session_unavailable');
    } finally {
      store.store.set = set;
    }
  });

  it('says PSC is unavailable when the provider cannot be reached', async () => {
    const unreachable = testConfig(
      'http://127.0.0.1:9/auth/realms/esante-wallet/.well-known/wallet-openid-configuration',
    );
    const deadApp = createApp(unreachable, await testDependencies(unreachable, store.store));
    const response = await request(deadApp).get('/auth/login').set('User-Agent', CHROME_UA).expect(303);
    expect(response.headers.location).toBe('/erreur-connexion?raison=psc_unavailable');
  });
});
