/**
 * The rules every protected call passes, in order: a session, within its absolute lifetime; a desktop browser
 * (the device gate re-runs on every call: a session cookie moved to a phone is refused); an "allow" access
 * decision; a chosen situation. Each answers with the error code the SPA branches on.
 */
import type { RequestHandler } from 'express';
import { actorOf, type AuditTrail } from '../audit/audit-trail';
import type { Config } from '../config/config';
import { DomainError } from '../errors/domain-error';
import { destroySession } from '../http/session-ops';
import { evaluateDevice } from './device';

export interface Guards {
  requireSession: RequestHandler;
  deviceGate: RequestHandler;
  requireAccess: RequestHandler;
  requireSituation: RequestHandler;
}

export function createGuards(config: Config, audit: AuditTrail): Guards {
  const maxAgeMs = config.session.maxHours * 3600 * 1000;
  return {
    requireSession(req, _res, next) {
      const user = req.session.user;
      if (!user) return next(new DomainError('not_authenticated'));
      if (Date.now() - user.loggedInAt > maxAgeMs) {
        audit
          .recordOrLog({ actor: actorOf(user), action: 'session_expired', outcome: 'success', reason: 'max_lifetime' })
          .then(() => destroySession(req))
          .then(
            () => next(new DomainError('not_authenticated', { detail: 'session past its absolute lifetime' })),
            next,
          );
        return;
      }
      next();
    },
    deviceGate(req, _res, next) {
      const decision = evaluateDevice(
        {
          userAgent: req.get('user-agent'),
          secChUaMobile: req.get('sec-ch-ua-mobile'),
          touchMac: req.session.user?.touchMac ?? false,
        },
        config.browserMinVersions,
      );
      if (!decision.allowed) return next(new DomainError('device_not_allowed', { reason: decision.reason }));
      next();
    },
    requireAccess(req, _res, next) {
      const access = req.session.user?.access;
      if (access?.decision !== 'allow') {
        return next(
          new DomainError('access_denied', { reason: access?.decision === 'deny' ? access.reason : undefined }),
        );
      }
      next();
    },
    requireSituation(req, _res, next) {
      if (!req.session.user?.situationId) return next(new DomainError('situation_required'));
      next();
    },
  };
}
