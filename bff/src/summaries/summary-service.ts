/**
 * The patient's documents, once consent is recorded: which document to show, fetched with the HCP and TRC
 * assertions, read into the translated model, and checked to be about the identified patient before anything
 * of it is returned. Express-free: plain inputs (the professional, the patient found in the session), typed
 * errors (DomainError; contact-point, document and identity errors are normalised by the error middleware).
 */
import { documentFormatCodes, type DocumentMetadata, type SummaryResponse } from '@sesali/shared';
import { actorOf, type AuditTrail, type RequestContext } from '../audit/audit-trail';
import type { SessionUser } from '../auth/session-data';
import { requireConsent, trcContext } from '../consent/consent';
import type { AssertionSigner } from '../contact-point/assertions';
import { ContactPointFailure, type ContactPointClient } from '../contact-point/client';
import { hcpContext } from '../contact-point/hcp-context';
import { extractL1Document } from '../documents/cda/l1-pdf';
import { readPatientSummary } from '../documents/read-summary';
import { inTurn } from '../documents/turns';
import { DomainError } from '../errors/domain-error';
import type { FoundPatient } from '../patients/patient-refs';
import type { CountryDirectory } from '../search/country-directory';
import type { TerminologyCatalogue } from '../terminology/catalogue';
import { checkDocumentPatient, PatientMismatchError } from './identity-check';

export interface SummaryServiceDependencies {
  audit: AuditTrail;
  contactPoint: ContactPointClient;
  signer: AssertionSigner;
  directory: CountryDirectory;
  terminology: TerminologyCatalogue;
  maxDocumentBytes: number;
}

const newest = (documents: DocumentMetadata[]): DocumentMetadata | undefined =>
  [...documents].sort((a, b) => b.creationDate.localeCompare(a.creationDate))[0];

/** The structured summary to show: the L3 pivot CDA, else an HL7 Europe / IPS FHIR document. */
const structuredDocument = (documents: DocumentMetadata[]): DocumentMetadata | undefined =>
  newest(documents.filter((d) => d.formatCode === documentFormatCodes.L3)) ??
  newest(documents.filter((d) => d.formatCode === documentFormatCodes.FHIR));

export function createSummaryService(deps: SummaryServiceDependencies) {
  const { audit } = deps;

  /**
   * Runs a document call and leaves its trace: the member state's failures and a document about somebody else
   * are recorded (then thrown as they were); success is for the caller to record, before it returns anything.
   */
  async function traced<T>(context: RequestContext, patient: FoundPatient, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const base = { requestId: context.requestId, actor: actorOf(context.user), details: patientDetails(patient) };
      if (error instanceof PatientMismatchError)
        await audit.recordOrLog({
          ...base,
          action: 'document_refused',
          outcome: 'refused',
          reason: 'identity_mismatch',
        });
      else if (error instanceof ContactPointFailure)
        await audit.recordOrLog({ ...base, action: 'member_state_error', outcome: 'failure', reason: error.code });
      throw error;
    }
  }

  const patientDetails = (patient: FoundPatient) => ({
    ...audit.patientFields(patient.countryCode, patient.demographics),
    purpose: patient.consent?.purposeOfUse ?? null,
  });

  /** The documents the country lists for the patient, and a way to retrieve one, under one set of assertions. */
  async function documentsOf(user: SessionUser, patient: FoundPatient) {
    const { consent, patientId } = requireConsent(patient);
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
    return { documents, retrieve };
  }

  return {
    /**
     * The translated summary, with where it comes from and how the patient's identity was checked; sent only
     * once its `summary_viewed` event is committed (fail-closed: `audit_unavailable` otherwise).
     */
    async summary(context: RequestContext, patient: FoundPatient): Promise<SummaryResponse> {
      const response = await traced(context, patient, () => readSummary(context.user, patient));
      await audit.record({
        requestId: context.requestId,
        actor: actorOf(context.user),
        action: 'summary_viewed',
        outcome: 'success',
        details: { ...patientDetails(patient), documentId: response.documentId, format: response.body.summary.format },
      });
      return response.body;
    },

    /** The original PDF, sent only once its `original_viewed` event is committed. */
    async originalPdf(context: RequestContext, patient: FoundPatient): Promise<Buffer> {
      const { pdf, documentId } = await traced(context, patient, () => readOriginal(context.user, patient));
      await audit.record({
        requestId: context.requestId,
        actor: actorOf(context.user),
        action: 'original_viewed',
        outcome: 'success',
        details: { ...patientDetails(patient), documentId },
      });
      return pdf;
    },
  };

  async function readSummary(
    user: SessionUser,
    patient: FoundPatient,
  ): Promise<{ body: SummaryResponse; documentId: string }> {
    const { documents, retrieve } = await documentsOf(user, patient);
    const main = structuredDocument(documents);
    if (!main) throw new DomainError('no_summary', { detail: 'no L3 or FHIR document, only originals' });
    const { bytes, metadata } = await retrieve(main);
    const { mimeType } = metadata;
    if (mimeType === 'application/pdf') throw new DomainError('document_unreadable', { detail: 'summary is a PDF' });
    const summary = await inTurn(() =>
      readPatientSummary(bytes, mimeType, deps.terminology, {
        maxBytes: deps.maxDocumentBytes,
        countryCode: patient.countryCode,
      }),
    );
    // Nothing of the document leaves the BFF unless it is about the identified patient.
    const identityCheck = checkDocumentPatient(patient.demographics, summary.header.patient);
    const country = await deps.directory.country(patient.countryCode);
    const body: SummaryResponse = {
      summary,
      source: {
        countryCode: patient.countryCode,
        countryName: country.name,
        documentTitle: metadata.title,
        documentDate: metadata.creationDate,
        originalPdf: documents.some((d) => d.formatCode === documentFormatCodes.L1),
      },
      identityCheck,
    };
    return { body, documentId: main.uuid };
  }

  /** The original PDF (L1), from its own document or a CDA nonXMLBody, once its patient is checked. */
  async function readOriginal(user: SessionUser, patient: FoundPatient): Promise<{ pdf: Buffer; documentId: string }> {
    const { documents, retrieve } = await documentsOf(user, patient);
    const original = newest(documents.filter((d) => d.formatCode === documentFormatCodes.L1));
    if (!original) throw new DomainError('original_unavailable');
    const { bytes, metadata } = await retrieve(original);
    let pdf: Buffer;
    if (metadata.mimeType === 'application/pdf') {
      // A bare PDF names nobody we can read: it is served only when the structured summary it accompanies
      // is about the identified patient.
      const twin = structuredDocument(documents);
      if (!twin) throw new PatientMismatchError([]);
      const structured = await retrieve(twin);
      const { mimeType } = structured.metadata;
      if (mimeType === 'application/pdf') throw new PatientMismatchError([]);
      const summary = await inTurn(() =>
        readPatientSummary(structured.bytes, mimeType, deps.terminology, {
          maxBytes: deps.maxDocumentBytes,
        }),
      );
      checkDocumentPatient(patient.demographics, summary.header.patient);
      pdf = bytes;
    } else {
      const l1 = extractL1Document(bytes, { maxBytes: deps.maxDocumentBytes });
      checkDocumentPatient(patient.demographics, l1.patient);
      pdf = l1.pdf;
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new DomainError('document_unreadable', { detail: 'original is not a PDF' });
    return { pdf, documentId: original.uuid };
  }
}

export type SummaryService = ReturnType<typeof createSummaryService>;
