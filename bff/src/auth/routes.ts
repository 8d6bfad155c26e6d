/**
 * The login with Pro Santé Connect, as browser navigations (not API calls):
 * - GET  /auth/login     the SPA's "Se connecter" link: device gate, then redirect to PSC (PKCE, state, nonce)
 * - GET  /auth/callback  PSC's redirect: checks, code exchange, userinfo, access decision, new session
 * - POST /auth/logout    the SPA's logout (JSON): destroys the session, answers PSC's end-session URL
 * What each step leads to is login-service.ts's; here the request is read, the login in progress kept in an
 * encrypted cookie (login-state.ts: nothing is stored before the callback), and the session opened or closed.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { touchReportParam } from '@sesali/shared';
import type { Config } from '../config/config';
import { sessionCookieName } from '../http/cookies';
import { requestIdOf } from '../http/logger';
import { destroySession, regenerateSession, saveSession } from '../http/session-ops';
import type { LoginService } from './login-service';
import { loginStateCookie } from './login-state';

const queryText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function authRouter(config: Config, logins: LoginService, loginLimit?: RequestHandler): Router {
  const router = Router();
  const loginState = loginStateCookie({ secret: config.session.secret, secure: config.secureCookies });

  router.get('/login', ...(loginLimit ? [loginLimit] : []), async (req: Request, res: Response) => {
    const device = {
      userAgent: req.get('user-agent'),
      secChUaMobile: req.get('sec-ch-ua-mobile'),
      touchMac: req.query[touchReportParam] === '1',
    };
    const { location, pending } = await logins.start(device, requestIdOf(res));
    if (pending) await loginState.save(res, pending);
    res.redirect(303, location);
  });

  router.get('/callback', async (req: Request, res: Response) => {
    const outcome = await logins.callback({
      // An expired login reads as none: the sealed cookie carries its own expiry (login-state.ts).
      pending: await loginState.read(req),
      state: queryText(req.query.state),
      error: queryText(req.query.error),
      callbackUrl: new URL(req.originalUrl, config.publicUrl),
      requestId: requestIdOf(res),
    });
    // A used login cannot be replayed.
    if (outcome.consumed) loginState.clear(res);
    if (outcome.decided) {
      try {
        await regenerateSession(req);
        req.session.user = outcome.decided.user;
        await saveSession(req);
      } catch (error) {
        res.redirect(303, logins.notOpened(error));
        return;
      }
      logins.opened(outcome.decided);
    }
    res.redirect(303, outcome.location);
  });

  router.post('/logout', async (req: Request, res: Response) => {
    const user = req.session.user;
    await logins.loggingOut(user, requestIdOf(res));
    await destroySession(req);
    res.clearCookie(sessionCookieName(config.secureCookies), { path: '/' });
    res.json({ redirectUrl: await logins.afterLogout(user?.idToken) });
  });

  return router;
}
