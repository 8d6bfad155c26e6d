/**
 * The login with Pro Santé Connect without HTTP: where each step of the browser's navigation leads, with its
 * audit event and log line. The router (routes.ts) reads the request, keeps the login in progress in its sealed
 * cookie and the new session in the store, and redirects where this says. Failures lead to an SPA page with a
 * reason code; a failed callback leaves the existing session as it was.
 */
import { appRoutes, evaluateAccess, type AnyRefusalReason, type LoginErrorReason } from '@sesali/shared';
import type { Logger } from 'pino';
import { evaluateDevice, type DeviceInput } from '../access/device';
import { actorOf, type AuditTrail } from '../audit/audit-trail';
import type { Config } from '../config/config';
import { LoginFailure, type PscClient } from './psc-client';
import type { PendingLogin, SessionUser } from './session-data';
import { toSessionUser } from './session-user';

const refusedPage = (reason: AnyRefusalReason) => `${appRoutes.accessRefused}?raison=${reason}`;
const loginErrorPage = (reason: LoginErrorReason) => `${appRoutes.loginError}?raison=${reason}`;

/** Where `GET /auth/login` sends the browser, with the login to remember until the callback (if any). */
export interface LoginStart {
  location: string;
  pending?: PendingLogin;
}

/** What PSC's redirect to `GET /auth/callback` brought, as the router read it. */
export interface CallbackInput {
  /** The login in progress from its cookie; undefined when absent, tampered with or expired. */
  pending: PendingLogin | undefined;
  state: string | undefined;
  error: string | undefined;
  /** The whole callback URL, for the code exchange. */
  callbackUrl: URL;
  requestId: string;
}

/** A professional whose access was decided and recorded: the session to open, and its announcement. */
export interface DecidedLogin {
  user: SessionUser;
  refusal?: AnyRefusalReason;
}

export interface CallbackOutcome {
  /** The login in progress is used up (its cookie is cleared), whatever the outcome. */
  consumed: boolean;
  location: string;
  /** Set when a session is to be opened for this user (granted or refused access alike). */
  decided?: DecidedLogin;
}

export function createLoginService(deps: {
  psc: PscClient;
  audit: AuditTrail;
  logger: Logger;
  browserMinVersions: Config['browserMinVersions'];
}) {
  const { psc, audit, logger } = deps;

  return {
    /** The device gate, then PSC's authorization URL (PKCE, state, nonce). */
    async start(device: DeviceInput, requestId: string): Promise<LoginStart> {
      const decision = evaluateDevice(device, deps.browserMinVersions);
      if (!decision.allowed) {
        logger.info({ event: 'access_refused', reason: decision.reason, stage: 'login' }, 'device refused before PSC');
        await audit.recordOrLog({
          requestId,
          action: 'access_refused',
          outcome: 'refused',
          reason: decision.reason,
          details: { stage: 'login' },
        });
        return { location: refusedPage(decision.reason) };
      }
      try {
        const login = await psc.startLogin();
        return {
          location: login.url.href,
          pending: {
            state: login.state,
            nonce: login.nonce,
            codeVerifier: login.codeVerifier,
            startedAt: Date.now(),
            touchMac: device.touchMac,
          },
        };
      } catch (error) {
        if (!(error instanceof LoginFailure)) throw error;
        logger.warn({ event: 'psc_unavailable', err: error.cause }, 'PSC discovery failed');
        return { location: loginErrorPage('psc_unavailable') };
      }
    },

    /**
     * Checks the callback against the login in progress, exchanges the code, decides the access and records it:
     * every access leaves its trace before it is granted (no event, no session).
     */
    async callback(input: CallbackInput): Promise<CallbackOutcome> {
      const { pending, requestId } = input;
      if (pending === undefined || input.state !== pending.state) {
        // A stale, replayed or forged callback: say so, and leave the session (and any login in progress) alone.
        logger.info({ event: 'login_failed', reason: 'state_mismatch' }, 'callback without a matching login');
        await audit.recordOrLog({ requestId, action: 'login_failed', outcome: 'failure', reason: 'state_mismatch' });
        return { consumed: false, location: loginErrorPage('state_mismatch') };
      }

      if (input.error !== undefined) {
        const denied = input.error === 'access_denied';
        const reason = denied ? 'card_refused' : 'provider_error';
        logger.info({ event: 'login_failed', reason, error: input.error.slice(0, 64) }, 'PSC refused');
        await audit.recordOrLog({
          requestId,
          action: denied ? 'access_refused' : 'login_failed',
          outcome: denied ? 'refused' : 'failure',
          reason,
        });
        return { consumed: true, location: denied ? refusedPage('card_refused') : loginErrorPage('provider_error') };
      }

      let completed;
      try {
        completed = await psc.completeLogin(input.callbackUrl, pending);
      } catch (error) {
        if (!(error instanceof LoginFailure)) throw error;
        logger.info({ event: 'login_failed', reason: error.reason, err: error.cause }, 'login failed');
        await audit.recordOrLog({ requestId, action: 'login_failed', outcome: 'failure', reason: error.reason });
        return { consumed: true, location: loginErrorPage(error.reason) };
      }

      const access = evaluateAccess(completed.userinfo);
      const user = toSessionUser(completed, access, pending.touchMac);
      const refusal = access.decision === 'deny' ? access.reason : undefined;
      try {
        await audit.record({
          requestId,
          actor: actorOf(user),
          action: refusal ? 'access_refused' : 'login',
          outcome: refusal ? 'refused' : 'success',
          reason: refusal ?? null,
          details: { authMode: user.authMode, acr: completed.acr ?? null, situations: access.situations.length },
        });
      } catch {
        return { consumed: true, location: loginErrorPage('audit_unavailable') };
      }
      const location = refusal ? refusedPage(refusal) : user.situationId ? appRoutes.home : appRoutes.situation;
      return { consumed: true, location, decided: { user, refusal } };
    },

    /** The session of a decided login is stored: the log line of the login, or of the refusal. */
    opened({ user, refusal }: DecidedLogin): void {
      if (refusal) logger.info({ event: 'access_refused', reason: refusal, stage: 'callback' }, 'access refused');
      else logger.info({ event: 'login', situations: user.access.situations.length }, 'professional logged in');
    },

    /** The session store failed while opening the session (Redis restarting): a login error, not a 500. */
    notOpened(error: unknown): string {
      logger.error({ event: 'login_failed', reason: 'session_unavailable', err: error }, 'session store failed');
      return loginErrorPage('session_unavailable');
    },

    /** Records the logout of the session's professional, if any, before the session is destroyed. */
    async loggingOut(user: SessionUser | undefined, requestId: string): Promise<void> {
      if (user) await audit.recordOrLog({ requestId, actor: actorOf(user), action: 'logout', outcome: 'success' });
    },

    /** Where the SPA goes once logged out: PSC's end-session URL when the session held an ID token. */
    async afterLogout(idToken: string | undefined): Promise<string> {
      const endSession = idToken ? await psc.endSessionUrl(idToken) : undefined;
      return endSession?.href ?? appRoutes.home;
    },
  };
}

export type LoginService = ReturnType<typeof createLoginService>;
