/**
 * The professional's own space:
 * - GET /api/me/history?page=N  their consultations, newest first (only their own)
 */
import { Router } from 'express';
import { apiPaths, historyQuerySchema } from '@sesali/shared';
import { apiRoute } from '../http/api-access';
import { parseInput } from '../http/parse';
import { sessionUser } from '../http/session-context';
import type { HistoryService } from './history-service';

export function meRouter(history: HistoryService): Router {
  const router = Router();

  router.get(apiRoute(apiPaths.history), async (req, res) => {
    const { page } = parseInput(historyQuerySchema, req.query);
    res.json(await history.history(sessionUser(req), page));
  });

  return router;
}
