/**
 * The login service without HTTP: each way a login ends, where it leads, and what the audit trail holds. A fake
 * PSC client stands for Pro Santé Connect (auth.test.ts runs the whole login against the simulator).
 */
import { pino } from 'pino';
import { appRoutes } from '@sesali/shared';
import { findPersona } from '@sesali/mocks/psc';
import { allEvents, type AuditStore } from '../audit/audit-store';
import { createAuditTrail } from '../audit/audit-trail';
import { openSqliteAuditStore } from '../audit/sqlite-audit-store';
import { CHROME_UA, testConfig } from '../testing/test-config';
import { createLoginService, type CallbackInput } from './login-service';
import { LoginFailure, type CompletedLogin, type PscClient } from './psc-client';
import type { PendingLogin } from './session-data';

// Native ESM Jest has no global `jest`.
const jest = (import.meta as unknown as { jest: typeof globalThis.jest }).jest;

const CALLBACK = new URL('http://localhost:3999/auth/callback?code=c&state=s1');
const pending: PendingLogin = { state: 's1', nonce: 'n1', codeVerifier: 'v'.repeat(43), startedAt: 1, touchMac: false };
const desktop = { userAgent: CHROME_UA, secChUaMobile: '?0', touchMac: false };

const completed = (persona: string): CompletedLogin => {
  const claims = findPersona(persona)?.claims;
  if (!claims) throw new Error(`no persona ${persona}`);
  return { idToken: 'id-token', sub: String(claims.sub), acr: 'eidas1', userinfo: claims };
};

let store: AuditStore;
let psc: { [K in keyof PscClient]: jest.MockedFunction<PscClient[K]> };
const service = () =>
  createLoginService({
    psc,
    audit: createAuditTrail({ store, hmacKey: 'k'.repeat(32), logger: pino({ level: 'silent' }) }),
    logger: pino({ level: 'silent' }),
    browserMinVersions: testConfig('http://127.0.0.1:1/discovery').browserMinVersions,
  });
const events = async () => {
  const out = [];
  for await (const event of allEvents(store)) out.push({ action: event.action, reason: event.reason });
  return out;
};
const callback = (input: Partial<CallbackInput>) =>
  service().callback({ pending, state: 's1', error: undefined, callbackUrl: CALLBACK, requestId: 'r1', ...input });

beforeEach(() => {
  store = openSqliteAuditStore(':memory:');
  psc = {
    startLogin: jest.fn(),
    completeLogin: jest.fn(),
    endSessionUrl: jest.fn(),
  };
});
afterEach(() => store.close());

describe('login start', () => {
  it('refuses a phone before any redirect to PSC, and records it', async () => {
    const start = await service().start({ ...desktop, secChUaMobile: '?1' }, 'r1');
    expect(start).toEqual({ location: `${appRoutes.accessRefused}?raison=mobile_device` });
    expect(psc.startLogin).not.toHaveBeenCalled();
    expect(await events()).toEqual([{ action: 'access_refused', reason: 'mobile_device' }]);
  });

  it('sends a desktop browser to PSC with the login to remember', async () => {
    psc.startLogin.mockResolvedValue({
      url: new URL('https://psc.test/auth'),
      state: 's',
      nonce: 'n',
      codeVerifier: 'v',
    });
    const start = await service().start({ ...desktop, touchMac: true }, 'r1');
    expect(start.location).toBe('https://psc.test/auth');
    expect(start.pending).toMatchObject({ state: 's', nonce: 'n', codeVerifier: 'v', touchMac: true });
  });

  it('says PSC is unavailable when its discovery fails', async () => {
    psc.startLogin.mockRejectedValue(new LoginFailure('psc_unavailable'));
    expect(await service().start(desktop, 'r1')).toEqual({
      location: `${appRoutes.loginError}?raison=psc_unavailable`,
    });
  });
});

describe('login callback', () => {
  it('leaves the login in progress alone on a callback of another login', async () => {
    const outcome = await callback({ state: 'other' });
    expect(outcome).toEqual({ consumed: false, location: `${appRoutes.loginError}?raison=state_mismatch` });
    expect(psc.completeLogin).not.toHaveBeenCalled();
  });

  it('tells a refused card from another PSC error', async () => {
    expect(await callback({ error: 'access_denied' })).toEqual({
      consumed: true,
      location: `${appRoutes.accessRefused}?raison=card_refused`,
    });
    expect(await callback({ error: 'server_error' })).toEqual({
      consumed: true,
      location: `${appRoutes.loginError}?raison=provider_error`,
    });
    expect(await events()).toEqual([
      { action: 'access_refused', reason: 'card_refused' },
      { action: 'login_failed', reason: 'provider_error' },
    ]);
  });

  it('maps a failed code exchange to its reason', async () => {
    psc.completeLogin.mockRejectedValue(new LoginFailure('acr_insufficient'));
    expect(await callback({})).toEqual({ consumed: true, location: `${appRoutes.loginError}?raison=acr_insufficient` });
  });

  it('opens a session for a professional with one activity, straight to the home page', async () => {
    psc.completeLogin.mockResolvedValue(completed('medecin-generaliste'));
    const outcome = await callback({});
    expect(outcome).toMatchObject({ consumed: true, location: appRoutes.home, decided: { refusal: undefined } });
    expect(outcome.decided?.user.situationId).not.toBeNull();
    expect(await events()).toEqual([{ action: 'login', reason: null }]);
  });

  it('asks a professional with two activities to choose one', async () => {
    psc.completeLogin.mockResolvedValue(completed('medecin-deux-activites'));
    expect((await callback({})).location).toBe(appRoutes.situation);
  });

  it('opens a session for a refused professional too, to show why, and records the refusal', async () => {
    psc.completeLogin.mockResolvedValue(completed('medecin-du-travail'));
    const outcome = await callback({});
    expect(outcome).toMatchObject({
      location: `${appRoutes.accessRefused}?raison=occupational_medicine`,
      decided: { refusal: 'occupational_medicine' },
    });
    expect(await events()).toEqual([{ action: 'access_refused', reason: 'occupational_medicine' }]);
  });

  it('opens no session when the audit trail cannot record the login', async () => {
    psc.completeLogin.mockResolvedValue(completed('medecin-generaliste'));
    await store.close();
    const outcome = await callback({});
    expect(outcome).toEqual({ consumed: true, location: `${appRoutes.loginError}?raison=audit_unavailable` });
    store = openSqliteAuditStore(':memory:');
  });
});

describe('logout', () => {
  it('goes to PSC’s end-session URL when the session held an ID token, else home', async () => {
    psc.endSessionUrl.mockResolvedValue(new URL('https://psc.test/logout'));
    expect(await service().afterLogout('id-token')).toBe('https://psc.test/logout');
    expect(await service().afterLogout(undefined)).toBe(appRoutes.home);
  });
});
