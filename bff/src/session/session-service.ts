/** The professional's own session, as the SPA sees it, and the choice of a "situation d'exercice". */
import { sessionLifetime, sessionView, type SessionResponse } from '@sesali/shared';
import type { SessionUser } from '../auth/session-data';
import { actorOf, type AuditTrail, type RequestContext } from '../audit/audit-trail';
import type { Config } from '../config/config';
import { DomainError } from '../errors/domain-error';

/** The settings that end a session: unused this long (the rolling cookie and the store's TTL), or this old. */
export type SessionLimits = Pick<Config['session'], 'idleMinutes' | 'maxHours'>;

/** When the session of `user` ends whatever its use: the absolute lifetime the guards enforce (requireSession). */
export const sessionEndsAt = (user: SessionUser, limits: SessionLimits): number =>
  user.loggedInAt + limits.maxHours * 3600 * 1000;

export function toSessionResponse(user: SessionUser, limits: SessionLimits, now = Date.now()): SessionResponse {
  return sessionView(
    { givenName: user.givenName, familyName: user.familyName, authMode: user.authMode },
    user.access,
    user.situationId,
    sessionLifetime(limits.idleMinutes * 60, sessionEndsAt(user, limits), now),
  );
}

/** Chooses one of the situations that qualified at login; any other is refused. */
export function chooseSituation(user: SessionUser, situationId: string): SessionUser {
  if (!user.access.situations.some((s) => s.id === situationId)) throw new DomainError('situation_unknown');
  user.situationId = situationId;
  return user;
}

/**
 * The session as the SPA sees it, with how long it lasts; the situation choice, recorded in the audit trail
 * (who works where is part of every later event).
 */
export function createSessionService(audit: AuditTrail, limits: SessionLimits) {
  return {
    view(user: SessionUser): SessionResponse {
      return toSessionResponse(user, limits);
    },
    async situationChosen(context: RequestContext): Promise<void> {
      const actor = actorOf(context.user);
      await audit.record({
        requestId: context.requestId,
        actor,
        action: 'situation_chosen',
        outcome: 'success',
        details: { situation: actor.situation ?? null, profession: actor.profession ?? null },
      });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
