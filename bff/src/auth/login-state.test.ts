import type { Request, Response } from 'express';
import { loginStateCookie } from './login-state';

/** Seals a login started `ageMs` ago and reads it back, as the callback would. */
async function roundTrip(ageMs: number) {
  const cookies = loginStateCookie({ secret: 'a-session-secret-of-at-least-32-characters', secure: true });
  let header = '';
  const res = {
    cookie: (name: string, value: string) => {
      header = `${name}=${value}`;
    },
  } as unknown as Response;
  await cookies.save(res, {
    state: 's'.repeat(32),
    nonce: 'n'.repeat(32),
    codeVerifier: 'v'.repeat(43),
    startedAt: Date.now() - ageMs,
    touchMac: false,
  });
  expect(header).toMatch(/^__Host-sesali\.login=/);
  return cookies.read({ get: () => header } as unknown as Request);
}

describe('the login-state cookie', () => {
  it('gives back a fresh login, and nothing once the login is older than its 10 minutes', async () => {
    expect(await roundTrip(60_000)).toMatchObject({ state: 's'.repeat(32), touchMac: false });
    expect(await roundTrip(11 * 60_000)).toBeUndefined();
  });
});
