/** The professional's own session, as the SPA sees it, and the choice of a "situation d'exercice". */
import type { SessionResponse } from '@sesali/shared';
import type { SessionUser } from '../auth/session-data';
import { DomainError } from '../errors/domain-error';

export function toSessionResponse(user: SessionUser): SessionResponse {
  const situations = user.access.situations;
  return {
    professional: { givenName: user.givenName, familyName: user.familyName, authMode: user.authMode },
    access: user.access.decision === 'allow' ? { decision: 'allow' } : { decision: 'deny', reason: user.access.reason },
    situations,
    situation: situations.find((s) => s.id === user.situationId) ?? null,
  };
}

/** Chooses one of the situations that qualified at login; any other is refused. */
export function chooseSituation(user: SessionUser, situationId: string): SessionUser {
  if (!user.access.situations.some((s) => s.id === situationId)) throw new DomainError('situation_unknown');
  user.situationId = situationId;
  return user;
}
