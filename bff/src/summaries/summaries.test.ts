/**
 * The Patient Summary through the BFF, from the shipped simulated member states: consent first, then the
 * translated summary (CDA or FHIR) with every entry, the original PDF, and a clear error for a document that
 * cannot be shown.
 */
import { errorCatalogue, summaryResponseSchema } from '@sesali/shared';
import { startHarness, type Agent, type Harness } from '../testing/harness';
import { consentedRef, refOf, treatmentConsent } from '../testing/shipped-patients';

let harness: Harness;
let doctor: Agent;

beforeAll(async () => {
  harness = await startHarness();
  doctor = await harness.loggedIn('medecin-generaliste');
});
afterAll(() => harness.close());

describe('Patient Summary', () => {
  it('answers 403 consent_required before consent, then the translated summary with every entry', async () => {
    const ref = await refOf(doctor, 'PT', 'complete');
    const refused = await doctor.get(`/api/patients/${ref}/summary`).expect(403);
    expect(refused.body.code).toBe('consent_required');
    await doctor.post(`/api/patients/${ref}/consent`).send(treatmentConsent('pt')).expect(201);

    const response = await doctor.get(`/api/patients/${ref}/summary`).expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { summary, source } = summaryResponseSchema.parse(response.body);
    expect(source).toMatchObject({ countryCode: 'PT', originalPdf: false });
    expect(summary.format).toBe('cda');
    expect(summary.counts.seen).toBeGreaterThanOrEqual(15);
    expect(summary.counts.mapped).toBe(summary.counts.seen);
    for (const section of summary.sections) expect(section.counts.mapped).toBe(section.counts.seen);
    expect(summary.sections.map((s) => s.loinc)).toEqual(
      expect.arrayContaining(['48765-2', '10160-0', '11450-4', '47519-4', '46264-8']),
    );
  });

  it('serves the FHIR patient in the same model', async () => {
    const ref = await consentedRef(doctor, 'LU', 'fhir', 'fr');
    const { summary } = summaryResponseSchema.parse(
      (await doctor.get(`/api/patients/${ref}/summary`).expect(200)).body,
    );
    expect(summary.format).toBe('fhir');
    expect(summary.sections.map((s) => s.loinc)).toEqual(expect.arrayContaining(['48765-2', '10160-0', '11450-4']));
  });

  it('serves the original PDF when the country sends an L1 twin', async () => {
    const ref = await consentedRef(doctor, 'HR', 'with-pdf', 'hr');
    const { source } = summaryResponseSchema.parse((await doctor.get(`/api/patients/${ref}/summary`).expect(200)).body);
    expect(source.originalPdf).toBe(true);
    const pdf = await doctor
      .get(`/api/patients/${ref}/original`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const noPdf = await consentedRef(doctor, 'PT', 'known-absence', 'pt');
    expect((await doctor.get(`/api/patients/${noPdf}/original`).expect(404)).body.code).toBe('original_unavailable');
  });

  it.each([
    ['LU', 'malformed-xml', 'fr', 'document_unreadable'],
    ['MT', 'too-large', 'mt', 'document_too_large'],
    ['CZ', 'no-summary', 'cs', 'no_summary'],
    ['CZ', 'server-error', 'cs', 'contact_point_error'],
  ] as const)('answers %s/%s with %s and shows nothing of the document', async (cc, folder, lang, code) => {
    const ref = await consentedRef(doctor, cc, folder, lang);
    const response = await doctor.get(`/api/patients/${ref}/summary`);
    expect(response.status).toBe(errorCatalogue[code].status);
    expect(response.body).toEqual({ code, message: errorCatalogue[code].message });
  });

  it('refuses a document about somebody else, in both formats, and sends nothing of it', async () => {
    const refs: string[] = [];
    for (const [cc, folder, language] of [
      ['PT', 'wrong-patient', 'pt'],
      ['LU', 'wrong-patient-fhir', 'fr'],
    ] as const) {
      const ref = await consentedRef(doctor, cc, folder, language);
      refs.push(ref);
      const response = await doctor.get(`/api/patients/${ref}/summary`).expect(502);
      expect(response.body).toEqual({
        code: 'document_patient_mismatch',
        message: errorCatalogue.document_patient_mismatch.message,
      });
      expect(response.headers['cache-control']).toBe('no-store');
    }
    // The L1 PDF twin of the wrong document is refused too.
    const original = await doctor.get(`/api/patients/${refs[0]}/original`).expect(502);
    expect(original.body.code).toBe('document_patient_mismatch');
    expect(original.headers['content-type']).toMatch(/json/);
  });

  it('says how the identity was checked', async () => {
    const ref = await consentedRef(doctor, 'HR', 'complete', 'hr');
    const { identityCheck } = summaryResponseSchema.parse(
      (await doctor.get(`/api/patients/${ref}/summary`).expect(200)).body,
    );
    expect(identityCheck).toEqual({ method: 'identifier', compared: ['identifier'] });
  });
});
