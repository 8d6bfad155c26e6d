/**
 * The professional's own session, for the SPA:
 * - GET  /api/session            who is logged in, the access decision, the situations (also when refused), how
 *                                long the session lasts
 * - POST /api/session/situation  choose the "situation d'exercice" among those that qualify
 */
import { Router } from 'express';
import { apiPaths, chooseSituationRequestSchema } from '@sesali/shared';
import { apiRoute } from '../http/api-access';
import { parseInput } from '../http/parse';
import { changeUser, requestContext, sessionUser } from '../http/session-context';
import { chooseSituation, type SessionService } from './session-service';

export function sessionRouter(sessions: SessionService): Router {
  const router = Router();

  router.get(apiRoute(apiPaths.session), (req, res) => {
    res.json(sessions.view(sessionUser(req)));
  });

  router.post(apiRoute(apiPaths.sessionSituation), async (req, res) => {
    const { situationId } = parseInput(chooseSituationRequestSchema, req.body);
    // Through updateSession: a concurrent search or consent of the same session is not overwritten.
    const user = await changeUser(req, (current) => chooseSituation(current, situationId));
    await sessions.situationChosen(requestContext(req, res));
    res.json(sessions.view(user));
  });

  return router;
}
