/**
 * Finding the patient:
 * - GET  /api/countries                  public: countries and their status (home page, country picker)
 * - GET  /api/countries/:cc/search-form  the country's search form, built from its checked search mask
 * - POST /api/patients/search            identify the patient at the contact point; candidates behind refs
 * - GET  /api/patients/:ref              a candidate found in this session (confirmation page)
 */
import { Router, type RequestHandler } from 'express';
import { apiPaths, patientSearchRequestSchema } from '@sesali/shared';
import { apiRoute } from '../http/api-access';
import { parseInput } from '../http/parse';
import { rememberPatients, requestContext, sessionPatient } from '../http/session-context';
import { toCandidate, type SearchService } from './search-service';

export function searchRouter(search: SearchService, limits: RequestHandler[] = []): Router {
  const router = Router();

  router.get(apiRoute(apiPaths.countries), async (_req, res) => {
    res.json({ countries: await search.countries() });
  });

  router.get(apiRoute(apiPaths.searchForm(':cc')), async (req, res) => {
    res.json(await search.form(String(req.params.cc)));
  });

  router.post(apiRoute(apiPaths.patientSearch), ...limits, async (req, res) => {
    const request = parseInput(patientSearchRequestSchema, req.body);
    const found = await search.search(requestContext(req, res), request);
    const refs = await rememberPatients(req, found);
    res.json({ candidates: found.map((patient, i) => toCandidate(refs[i] as string, patient)) });
  });

  router.get(apiRoute(apiPaths.patient(':ref')), (req, res) => {
    const ref = String(req.params.ref);
    res.json(toCandidate(ref, sessionPatient(req, ref)));
  });

  return router;
}
