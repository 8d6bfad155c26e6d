/**
 * Consent through the BFF: no document call without it (403 consent_required), the attestation recorded per
 * patient ref and session, EMERGENCY only where the country allows it, and the TRC accepted by the member state.
 */
import { consentContextSchema, errorCatalogue, summaryResponseSchema } from '@sesali/shared';
import { startHarness, type Agent, type Harness } from '../testing/harness';
import { refOf } from '../testing/shipped-patients';

let harness: Harness;
let doctor: Agent;

beforeAll(async () => {
  harness = await startHarness();
  doctor = await harness.loggedIn('medecin-generaliste');
});
afterAll(() => harness.close());

const find = (cc: string, folder: string) => refOf(doctor, cc, folder);

const attest = { noticeGiven: true, consentSigned: true, noticeKept: true };

describe('consent', () => {
  it('refuses the documents without consent, accepts them after', async () => {
    const ref = await find('PT', 'complete');
    const refused = await doctor.get(`/api/patients/${ref}/summary`).expect(403);
    expect(refused.body).toEqual({ code: 'consent_required', message: errorCatalogue.consent_required.message });

    const context = consentContextSchema.parse((await doctor.get(`/api/patients/${ref}/consent`).expect(200)).body);
    expect(context.noticeLanguages).toEqual(['pt']);
    expect(context.consent).toBeNull();

    const recorded = await doctor
      .post(`/api/patients/${ref}/consent`)
      .send({ noticeLanguage: 'pt', purposeOfUse: 'TREATMENT', attestations: attest })
      .expect(201);
    expect(recorded.body).toMatchObject({ noticeLanguage: 'pt', purposeOfUse: 'TREATMENT' });
    expect(Date.parse(recorded.body.expiresAt) - Date.parse(recorded.body.attestedAt)).toBe(240 * 60_000);

    const summary = await doctor.get(`/api/patients/${ref}/summary`).expect(200);
    expect(summary.headers['cache-control']).toBe('no-store');
    expect(summaryResponseSchema.parse(summary.body).summary.counts.mapped).toBeGreaterThan(0);
    // Recorded for this session only.
    const other = await harness.loggedIn('medecin-generaliste');
    await other.get(`/api/patients/${ref}/summary`).expect(404);
  });

  it('requires every attestation, and a reason for an emergency', async () => {
    const ref = await find('PT', 'with-pdf');
    const missing = await doctor
      .post(`/api/patients/${ref}/consent`)
      .send({ noticeLanguage: 'pt', purposeOfUse: 'TREATMENT', attestations: { ...attest, noticeKept: false } })
      .expect(400);
    expect(Object.keys(missing.body.fields as object)).toEqual(['attestations.noticeKept']);
    const noReason = await doctor
      .post(`/api/patients/${ref}/consent`)
      .send({ noticeLanguage: 'pt', purposeOfUse: 'EMERGENCY', attestations: attest })
      .expect(400);
    expect(noReason.body.fields).toEqual({ emergencyReason: expect.stringMatching(/motif/) });
    await doctor
      .post(`/api/patients/${ref}/consent`)
      .send({ noticeLanguage: 'xx', purposeOfUse: 'TREATMENT', attestations: attest })
      .expect(400);
    await doctor.get(`/api/patients/${ref}/summary`).expect(403);
  });

  it('accepts EMERGENCY only where the country allows it', async () => {
    const contexts = await Promise.all(
      (['PT', 'HR'] as const).map(async (cc) => {
        const ref = await find(cc, cc === 'PT' ? 'complete' : 'with-pdf');
        return {
          cc,
          ref,
          context: consentContextSchema.parse((await doctor.get(`/api/patients/${ref}/consent`).expect(200)).body),
        };
      }),
    );
    for (const { ref, context } of contexts) {
      const response = await doctor.post(`/api/patients/${ref}/consent`).send({
        noticeLanguage: context.noticeLanguages[0],
        purposeOfUse: 'EMERGENCY',
        emergencyReason: 'Patient inconscient aux urgences',
        attestations: attest,
      });
      expect(response.status).toBe(context.purposesOfUse.includes('EMERGENCY') ? 201 : 400);
    }
  });

  it('passes the member state’s consent error through (4701)', async () => {
    const ref = await find('PT', 'consent-error');
    await doctor
      .post(`/api/patients/${ref}/consent`)
      .send({ noticeLanguage: 'pt', purposeOfUse: 'TREATMENT', attestations: attest })
      .expect(201);
    const response = await doctor.get(`/api/patients/${ref}/summary`).expect(403);
    expect(response.body.code).toBe('consent_rejected');
  });
});
