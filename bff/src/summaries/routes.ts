/**
 * The patient's documents, once consent is recorded (each call carries the HCP and TRC assertions):
 * - GET /api/patients/:ref/documents  the Patient Summary documents the country holds (L3, L1 PDF, FHIR)
 */
import { Router } from 'express';
import type { Guards } from '../access/guards';
import type { SessionUser } from '../auth/session-data';
import { requireConsent, trcContext } from '../consent/consent';
import type { AssertionSigner } from '../contact-point/assertions';
import { ContactPointFailure, type ContactPointClient } from '../contact-point/client';
import { hcpContext } from '../contact-point/hcp-context';
import { HttpError } from '../http/errors';

export function summariesRouter(deps: {
  guards: Guards;
  contactPoint: ContactPointClient;
  signer: AssertionSigner;
}): Router {
  const { guards } = deps;
  const router = Router();
  const professional = [guards.requireSession, guards.deviceGate, guards.requireAccess, guards.requireSituation];

  router.get('/patients/:ref/documents', ...professional, async (req, res) => {
    const { patient, consent, patientId } = requireConsent(req, String(req.params.ref));
    const user = req.session.user as SessionUser;
    const [hcp, trc] = await Promise.all([
      deps.signer.hcp(hcpContext(user, consent.purposeOfUse)),
      deps.signer.trc(trcContext(user, patientId, consent)),
    ]);
    try {
      const documents = await deps.contactPoint.queryDocuments(
        { countryCode: patient.countryCode, patientId, classCode: ['60591-5'] },
        { hcp, trc },
      );
      res.json({
        documents: documents.map((d) => ({
          id: d.uuid,
          title: d.title,
          creationDate: d.creationDate,
          formatCode: d.formatCode,
          mimeType: d.mimeType,
          language: d.language ?? null,
          size: d.size,
        })),
      });
    } catch (error) {
      if (error instanceof ContactPointFailure)
        throw new HttpError(error.code, { detail: error.message, cause: error });
      throw error;
    }
  });

  return router;
}
