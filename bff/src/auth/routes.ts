/**
 * The login with Pro Santé Connect, as browser navigations (not API calls):
 * - GET  /auth/login     the SPA's "Se connecter" link: device gate, then redirect to PSC (PKCE, state, nonce)
 * - GET  /auth/callback  PSC's redirect: checks, code exchange, userinfo, access decision, new session
 * - POST /auth/logout    the SPA's logout (JSON): destroys the session, answers PSC's end-session URL
 * Failures redirect to an SPA page with a reason code; a failed callback leaves the existing session as it was.
 * A login in progress lives in an encrypted cookie (login-state.ts): nothing is stored before the callback.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import {
  appRoutes,
  evaluateAccess,
  touchReportParam,
  type AnyRefusalReason,
  type LoginErrorReason,
} from '@sesali/shared';
import type { Logger } from 'pino';
import { evaluateDevice } from '../access/device';
import type { Config } from '../config/config';
import { actorOf, type AuditTrail } from '../audit/audit-trail';
import { sessionCookieName } from '../http/cookies';
import { requestIdOf } from '../http/logger';
import { destroySession, regenerateSession, saveSession } from '../http/session-ops';
import { loginStateCookie } from './login-state';
import { LoginFailure, type PscClient } from './psc-client';
import { toSessionUser } from './session-user';

const refusedPage = (reason: AnyRefusalReason) => `${appRoutes.accessRefused}?raison=${reason}`;
const loginErrorPage = (reason: LoginErrorReason) => `${appRoutes.loginError}?raison=${reason}`;

export function authRouter(
  config: Config,
  psc: PscClient,
  logger: Logger,
  audit: AuditTrail,
  loginLimit?: RequestHandler,
): Router {
  const router = Router();
  const loginState = loginStateCookie({ secret: config.session.secret, secure: config.secureCookies });

  router.get('/login', ...(loginLimit ? [loginLimit] : []), async (req: Request, res: Response) => {
    const touchMac = req.query[touchReportParam] === '1';
    const device = evaluateDevice(
      { userAgent: req.get('user-agent'), secChUaMobile: req.get('sec-ch-ua-mobile'), touchMac },
      config.browserMinVersions,
    );
    if (!device.allowed) {
      logger.info({ event: 'access_refused', reason: device.reason, stage: 'login' }, 'device refused before PSC');
      await audit.recordOrLog({
        requestId: requestIdOf(res),
        action: 'access_refused',
        outcome: 'refused',
        reason: device.reason,
        details: { stage: 'login' },
      });
      res.redirect(303, refusedPage(device.reason));
      return;
    }
    try {
      const login = await psc.startLogin();
      await loginState.save(res, {
        state: login.state,
        nonce: login.nonce,
        codeVerifier: login.codeVerifier,
        startedAt: Date.now(),
        touchMac,
      });
      res.redirect(303, login.url.href);
    } catch (error) {
      if (!(error instanceof LoginFailure)) throw error;
      logger.warn({ event: 'psc_unavailable', err: error.cause }, 'PSC discovery failed');
      res.redirect(303, loginErrorPage('psc_unavailable'));
    }
  });

  router.get('/callback', async (req: Request, res: Response) => {
    const pending = await loginState.read(req);
    const state = typeof req.query.state === 'string' ? req.query.state : undefined;
    // An expired login reads as none: the sealed cookie carries its own expiry (login-state.ts).
    if (pending === undefined || state !== pending.state) {
      // A stale, replayed or forged callback: say so, and leave the session (and any login in progress) alone.
      logger.info({ event: 'login_failed', reason: 'state_mismatch' }, 'callback without a matching login');
      await audit.recordOrLog({
        requestId: requestIdOf(res),
        action: 'login_failed',
        outcome: 'failure',
        reason: 'state_mismatch',
      });
      res.redirect(303, loginErrorPage('state_mismatch'));
      return;
    }
    // This login is consumed, whatever its outcome: the cookie cannot be replayed.
    loginState.clear(res);

    if (typeof req.query.error === 'string') {
      const denied = req.query.error === 'access_denied';
      logger.info(
        {
          event: 'login_failed',
          reason: denied ? 'card_refused' : 'provider_error',
          error: req.query.error.slice(0, 64),
        },
        'PSC refused',
      );
      await audit.recordOrLog({
        requestId: requestIdOf(res),
        action: denied ? 'access_refused' : 'login_failed',
        outcome: denied ? 'refused' : 'failure',
        reason: denied ? 'card_refused' : 'provider_error',
      });
      res.redirect(303, denied ? refusedPage('card_refused') : loginErrorPage('provider_error'));
      return;
    }

    let completed;
    try {
      completed = await psc.completeLogin(new URL(req.originalUrl, config.publicUrl), pending);
    } catch (error) {
      if (!(error instanceof LoginFailure)) throw error;
      logger.info({ event: 'login_failed', reason: error.reason, err: error.cause }, 'login failed');
      await audit.recordOrLog({
        requestId: requestIdOf(res),
        action: 'login_failed',
        outcome: 'failure',
        reason: error.reason,
      });
      res.redirect(303, loginErrorPage(error.reason));
      return;
    }

    const access = evaluateAccess(completed.userinfo);
    const user = toSessionUser(completed, access, pending.touchMac);
    // Every access leaves its trace before it is granted: no event, no session.
    try {
      await audit.record({
        requestId: requestIdOf(res),
        actor: actorOf(user),
        action: access.decision === 'deny' ? 'access_refused' : 'login',
        outcome: access.decision === 'deny' ? 'refused' : 'success',
        reason: access.decision === 'deny' ? access.reason : null,
        details: { authMode: user.authMode, acr: completed.acr ?? null, situations: access.situations.length },
      });
    } catch {
      res.redirect(303, loginErrorPage('audit_unavailable'));
      return;
    }
    try {
      await regenerateSession(req);
      req.session.user = user;
      await saveSession(req);
    } catch (error) {
      // The session store failed (Redis restarting): say so on the login error page, not as a server error.
      logger.error({ event: 'login_failed', reason: 'session_unavailable', err: error }, 'session store failed');
      res.redirect(303, loginErrorPage('session_unavailable'));
      return;
    }
    if (access.decision === 'deny') {
      logger.info({ event: 'access_refused', reason: access.reason, stage: 'callback' }, 'access refused');
      res.redirect(303, refusedPage(access.reason));
      return;
    }
    logger.info({ event: 'login', situations: access.situations.length }, 'professional logged in');
    res.redirect(303, req.session.user.situationId ? appRoutes.home : appRoutes.situation);
  });

  router.post('/logout', async (req: Request, res: Response) => {
    const user = req.session.user;
    const idToken = user?.idToken;
    if (user)
      await audit.recordOrLog({
        requestId: requestIdOf(res),
        actor: actorOf(user),
        action: 'logout',
        outcome: 'success',
      });
    await destroySession(req);
    res.clearCookie(sessionCookieName(config.secureCookies), { path: '/' });
    const endSession = idToken ? await psc.endSessionUrl(idToken) : undefined;
    res.json({ redirectUrl: endSession?.href ?? appRoutes.home });
  });

  return router;
}
