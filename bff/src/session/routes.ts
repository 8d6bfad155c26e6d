/**
 * The professional's own session, for the SPA:
 * - GET  /api/session            who is logged in, the access decision, the situations (also when refused)
 * - POST /api/session/situation  choose the "situation d'exercice" among those that qualify
 */
import { Router } from 'express';
import { apiPaths, chooseSituationRequestSchema, type SessionResponse } from '@sesali/shared';
import type { Guards } from '../access/guards';
import type { SessionUser } from '../auth/session-data';
import { HttpError } from '../http/errors';

const relative = (path: string) => path.replace(/^\/api/, '');

export function toSessionResponse(user: SessionUser): SessionResponse {
  const situations = user.access.situations;
  return {
    professional: { givenName: user.givenName, familyName: user.familyName, authMode: user.authMode },
    access: user.access.decision === 'allow' ? { decision: 'allow' } : { decision: 'deny', reason: user.access.reason },
    situations,
    situation: situations.find((s) => s.id === user.situationId) ?? null,
  };
}

export function sessionRouter(guards: Guards): Router {
  const router = Router();

  router.get(relative(apiPaths.session), guards.requireSession, guards.deviceGate, (req, res) => {
    res.json(toSessionResponse(req.session.user as SessionUser));
  });

  router.post(
    relative(apiPaths.sessionSituation),
    guards.requireSession,
    guards.deviceGate,
    guards.requireAccess,
    (req, res) => {
      const parsed = chooseSituationRequestSchema.safeParse(req.body);
      if (!parsed.success) throw new HttpError('invalid_request');
      const user = req.session.user as SessionUser;
      if (!user.access.situations.some((s) => s.id === parsed.data.situationId))
        throw new HttpError('situation_unknown');
      user.situationId = parsed.data.situationId;
      res.json(toSessionResponse(user));
    },
  );

  return router;
}
