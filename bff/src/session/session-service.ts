/** The professional's own session, as the SPA sees it, and the choice of a "situation d'exercice". */
import { sessionView, type SessionResponse } from '@sesali/shared';
import type { SessionUser } from '../auth/session-data';
import { actorOf, type AuditTrail, type RequestContext } from '../audit/audit-trail';
import { DomainError } from '../errors/domain-error';

export function toSessionResponse(user: SessionUser): SessionResponse {
  return sessionView(
    { givenName: user.givenName, familyName: user.familyName, authMode: user.authMode },
    user.access,
    user.situationId,
  );
}

/** Chooses one of the situations that qualified at login; any other is refused. */
export function chooseSituation(user: SessionUser, situationId: string): SessionUser {
  if (!user.access.situations.some((s) => s.id === situationId)) throw new DomainError('situation_unknown');
  user.situationId = situationId;
  return user;
}

/** The situation choice, recorded in the audit trail (who works where is part of every later event). */
export function createSessionService(audit: AuditTrail) {
  return {
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
