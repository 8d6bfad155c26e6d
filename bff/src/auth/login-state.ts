/**
 * The state of a login in progress (OIDC state, nonce, PKCE verifier), kept by the browser in a short-lived
 * cookie rather than in a server session: starting a login writes nothing on the server, so repeated
 * `GET /auth/login` cannot fill the session store. The cookie is encrypted and authenticated (JWE, A256GCM,
 * with a key derived from SESSION_SECRET), expires with the login, and is cleared by the callback.
 */
import { hkdfSync } from 'node:crypto';
import type { Request, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';
import { loginCookieName } from '../http/cookies';
import type { PendingLogin } from './session-data';

const LOGIN_STATE_MAX_AGE_MS = 10 * 60 * 1000;

const pendingLoginSchema = z.strictObject({
  state: z.string().min(1).max(256),
  nonce: z.string().min(1).max(256),
  codeVerifier: z.string().min(43).max(128),
  startedAt: z.number().int().positive(),
  touchMac: z.boolean(),
});

export interface LoginStateCookie {
  /** Sets the cookie holding a new login's state (replacing any earlier login of this browser). */
  save(res: Response, pending: PendingLogin): Promise<void>;
  /** The login in progress, if the cookie is there, intact and not expired; undefined otherwise. */
  read(req: Request): Promise<PendingLogin | undefined>;
  clear(res: Response): void;
}

export function loginStateCookie(options: { secret: string; secure: boolean }): LoginStateCookie {
  const key = new Uint8Array(hkdfSync('sha256', options.secret, 'sesali', 'login-state cookie v1', 32));
  const name = loginCookieName(options.secure);
  const attributes = { httpOnly: true, secure: options.secure, sameSite: 'lax' as const, path: '/' };

  return {
    async save(res, pending) {
      const token = await new EncryptJWT({ login: pending })
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setIssuedAt()
        .setExpirationTime(Math.floor((pending.startedAt + LOGIN_STATE_MAX_AGE_MS) / 1000))
        .encrypt(key);
      res.cookie(name, token, { ...attributes, maxAge: LOGIN_STATE_MAX_AGE_MS });
    },
    async read(req) {
      const header = req.get('cookie');
      const token = header ? parseCookies(header)[name] : undefined;
      if (!token || token.length > 4096) return undefined;
      try {
        const { payload } = await jwtDecrypt(token, key, {
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
        });
        const parsed = pendingLoginSchema.safeParse(payload.login);
        return parsed.success ? parsed.data : undefined;
      } catch {
        // Forged, altered, expired, or sealed with an earlier secret: no login in progress.
        return undefined;
      }
    },
    clear(res) {
      res.clearCookie(name, attributes);
    },
  };
}
