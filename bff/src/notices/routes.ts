/**
 * The Patient Information Notice, public (a professional may print it before logging in):
 * - GET /api/notices        the languages, with their review state
 * - GET /api/notices/:lang  one notice
 */
import { Router } from 'express';
import { apiPaths, euLanguageSchema, type EuLanguage, type Notice } from '@sesali/shared';
import { DomainError } from '../errors/domain-error';
import { apiRoute } from '../http/api-access';

export function noticesRouter(notices: ReadonlyMap<EuLanguage, Notice>): Router {
  const router = Router();
  const list = [...notices.values()].map((n) => ({
    language: n.language,
    languageName: n.languageName,
    languageNameFr: n.languageNameFr,
    reviewedByNativeSpeaker: n.reviewedByNativeSpeaker,
  }));

  router.get(apiRoute(apiPaths.notices), (_req, res) => {
    res.json({ notices: list });
  });

  router.get(apiRoute(apiPaths.notice(':lang')), (req, res) => {
    const language = euLanguageSchema.safeParse(req.params.lang);
    const notice = language.success ? notices.get(language.data) : undefined;
    if (!notice) throw new DomainError('not_found');
    res.json(notice);
  });

  return router;
}
