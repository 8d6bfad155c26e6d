/**
 * The patient's documents, once consent is recorded (each call carries the HCP and TRC assertions):
 * - GET /api/patients/:ref/documents  the Patient Summary documents the country holds (L3, L1 PDF, FHIR)
 * - GET /api/patients/:ref/summary    the summary (L3 CDA or FHIR), parsed and translated into French
 * - GET /api/patients/:ref/original   the original PDF (L1), from its own document or a CDA nonXMLBody
 */
import { Router, type Request } from 'express';
import { documentFormatCodes, type DocumentMetadata, type SummaryResponse } from '@sesali/shared';
import type { Guards } from '../access/guards';
import type { SessionUser } from '../auth/session-data';
import { requireConsent, trcContext } from '../consent/consent';
import type { AssertionSigner } from '../contact-point/assertions';
import { ContactPointFailure, type ContactPointClient } from '../contact-point/client';
import { hcpContext } from '../contact-point/hcp-context';
import { extractL1Document } from '../documents/cda/l1-pdf';
import { DocumentError } from '../documents/errors';
import { readPatientSummary } from '../documents/read-summary';
import { HttpError } from '../http/errors';
import type { CountryDirectory } from '../search/country-directory';
import type { TerminologyCatalogue } from '../terminology/catalogue';
import { checkDocumentPatient, PatientMismatchError } from './identity-check';

export interface SummariesDependencies {
  guards: Guards;
  contactPoint: ContactPointClient;
  signer: AssertionSigner;
  directory: CountryDirectory;
  terminology: TerminologyCatalogue;
  maxDocumentBytes: number;
}

/** Contact-point failures and unreadable documents, as answers the SPA understands. */
function asHttpError(error: unknown): unknown {
  if (error instanceof PatientMismatchError)
    return new HttpError('document_patient_mismatch', { detail: error.message, cause: error });
  if (error instanceof ContactPointFailure) return new HttpError(error.code, { detail: error.message, cause: error });
  if (error instanceof DocumentError) {
    return new HttpError(error.code === 'document_too_large' ? 'document_too_large' : 'document_unreadable', {
      detail: error.detail,
      cause: error,
    });
  }
  return error;
}

export function summariesRouter(deps: SummariesDependencies): Router {
  const { guards } = deps;
  const router = Router();
  const professional = [guards.requireSession, guards.deviceGate, guards.requireAccess, guards.requireSituation];

  /** The consent, the assertions built from it, and the documents the country lists for this patient. */
  async function documentsOf(req: Request) {
    const { patient, consent, patientId } = requireConsent(req, String(req.params.ref));
    const user = req.session.user as SessionUser;
    const [hcp, trc] = await Promise.all([
      deps.signer.hcp(hcpContext(user, consent.purposeOfUse)),
      deps.signer.trc(trcContext(user, patientId, consent)),
    ]);
    const documents = await deps.contactPoint.queryDocuments(
      { countryCode: patient.countryCode, patientId, classCode: ['60591-5'] },
      { hcp, trc },
    );
    const retrieve = (document: DocumentMetadata) =>
      deps.contactPoint.retrieveDocument(
        {
          countryCode: patient.countryCode,
          homeCommunityId: document.hcid,
          documentId: { repositoryUniqueId: document.repositoryId, documentUniqueId: document.uuid },
          classCode: document.classCode,
          targetLanguage: 'fr-FR',
        },
        { hcp, trc },
      );
    return { patient, documents, retrieve };
  }

  const newest = (documents: DocumentMetadata[]) =>
    [...documents].sort((a, b) => b.creationDate.localeCompare(a.creationDate))[0];

  router.get('/patients/:ref/documents', ...professional, async (req, res) => {
    try {
      const { documents } = await documentsOf(req);
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
      throw asHttpError(error);
    }
  });

  router.get('/patients/:ref/summary', ...professional, async (req, res) => {
    try {
      const { patient, documents, retrieve } = await documentsOf(req);
      // The structured summary: the L3 pivot CDA, else an HL7 Europe / IPS FHIR document.
      const main =
        newest(documents.filter((d) => d.formatCode === documentFormatCodes.L3)) ??
        newest(documents.filter((d) => d.formatCode === documentFormatCodes.FHIR));
      if (!main) throw new HttpError('no_summary', { detail: 'no L3 or FHIR document, only originals' });
      const { bytes, metadata } = await retrieve(main);
      if (metadata.mimeType === 'application/pdf')
        throw new HttpError('document_unreadable', { detail: 'summary is a PDF' });
      const summary = readPatientSummary(bytes, metadata.mimeType, deps.terminology, {
        maxBytes: deps.maxDocumentBytes,
        countryCode: patient.countryCode,
      });
      // Nothing of the document leaves the BFF unless it is about the identified patient.
      const identityCheck = checkDocumentPatient(patient.demographics, summary.header.patient);
      const country = await deps.directory.country(patient.countryCode).catch(() => undefined);
      const body: SummaryResponse = {
        summary,
        source: {
          countryCode: patient.countryCode,
          countryName: country?.name ?? patient.countryCode,
          documentTitle: metadata.title,
          documentDate: metadata.creationDate,
          originalPdf: documents.some((d) => d.formatCode === documentFormatCodes.L1),
        },
        identityCheck,
      };
      res.json(body);
    } catch (error) {
      throw asHttpError(error);
    }
  });

  router.get('/patients/:ref/original', ...professional, async (req, res) => {
    try {
      const { patient, documents, retrieve } = await documentsOf(req);
      const original = newest(documents.filter((d) => d.formatCode === documentFormatCodes.L1));
      if (!original) throw new HttpError('original_unavailable');
      const { bytes, metadata } = await retrieve(original);
      let pdf: Buffer;
      if (metadata.mimeType === 'application/pdf') {
        // A bare PDF names nobody we can read: it is served only when the structured summary it accompanies
        // is about the identified patient.
        const twin =
          newest(documents.filter((d) => d.formatCode === documentFormatCodes.L3)) ??
          newest(documents.filter((d) => d.formatCode === documentFormatCodes.FHIR));
        if (!twin) throw new PatientMismatchError([]);
        const structured = await retrieve(twin);
        if (structured.metadata.mimeType === 'application/pdf') throw new PatientMismatchError([]);
        const summary = readPatientSummary(structured.bytes, structured.metadata.mimeType, deps.terminology, {
          maxBytes: deps.maxDocumentBytes,
        });
        checkDocumentPatient(patient.demographics, summary.header.patient);
        pdf = bytes;
      } else {
        const l1 = extractL1Document(bytes, { maxBytes: deps.maxDocumentBytes });
        checkDocumentPatient(patient.demographics, l1.patient);
        pdf = l1.pdf;
      }
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new HttpError('document_unreadable', { detail: 'original is not a PDF' });
      }
      res.type('application/pdf');
      res.set('Content-Disposition', 'inline; filename="synthese-originale.pdf"');
      // A PDF from outside: shown by the browser's viewer, never able to run our origin's scripts.
      res.set(
        'Content-Security-Policy',
        "sandbox; default-src 'none'; object-src 'self'; plugin-types application/pdf",
      );
      res.send(pdf);
    } catch (error) {
      throw asHttpError(error);
    }
  });

  return router;
}
