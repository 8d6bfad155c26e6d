/**
 * The patient's documents, once consent is recorded (each call carries the HCP and TRC assertions):
 * - GET /api/patients/:ref/summary    the summary (L3 CDA or FHIR), parsed, translated, identity checked
 * - GET /api/patients/:ref/original   the original PDF (L1), from its own document or a CDA nonXMLBody
 */
import { Router } from 'express';
import { apiPaths } from '@sesali/shared';
import { apiRoute } from '../http/api-access';
import { sendJson } from '../http/json-bytes';
import { requestContext, sessionPatient } from '../http/session-context';
import type { SummaryService } from './summary-service';

/** A PDF from outside: shown by the browser's viewer, never able to run our origin's scripts. */
const PDF_POLICY = "sandbox; default-src 'none'; object-src 'self'; plugin-types application/pdf";

export function summariesRouter(summaries: SummaryService): Router {
  const router = Router();

  router.get(apiRoute(apiPaths.summary(':ref')), async (req, res) => {
    // The largest answer of the API: serialised by parts (json-bytes.ts says why).
    sendJson(res, await summaries.summary(requestContext(req, res), sessionPatient(req, String(req.params.ref))));
  });

  router.get(apiRoute(apiPaths.original(':ref')), async (req, res) => {
    const pdf = await summaries.originalPdf(requestContext(req, res), sessionPatient(req, String(req.params.ref)));
    res.type('application/pdf');
    res.set('Content-Disposition', 'inline; filename="synthese-originale.pdf"');
    res.set('Content-Security-Policy', PDF_POLICY);
    res.send(pdf);
  });

  return router;
}
