/**
 * The consent step, for a patient found in this session:
 * - GET  /api/patients/:ref/consent  the notice languages and purposes the patient's country allows, and the
 *                                    consent already recorded
 * - POST /api/patients/:ref/consent  record the professional's attestation (then document calls carry a TRC)
 */
import { Router } from 'express';
import { apiPaths, consentRequestSchema } from '@sesali/shared';
import { apiRoute } from '../http/api-access';
import { parseInput } from '../http/parse';
import { changePatient, requestContext, sessionPatient } from '../http/session-context';
import { consentView, type ConsentService } from './consent-service';

export function consentRouter(consents: ConsentService): Router {
  const router = Router();

  router.get(apiRoute(apiPaths.consent(':ref')), async (req, res) => {
    res.json(await consents.context(requestContext(req, res), sessionPatient(req, String(req.params.ref))));
  });

  router.post(apiRoute(apiPaths.consent(':ref')), async (req, res) => {
    const ref = String(req.params.ref);
    const patient = sessionPatient(req, ref);
    const request = parseInput(consentRequestSchema, req.body);
    await consents.attest(requestContext(req, res), patient, request);
    const consent = await changePatient(req, ref, (patient) => consents.record(patient, request));
    res.status(201).json(consentView(consent));
  });

  return router;
}
