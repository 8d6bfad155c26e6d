/**
 * The audit trail through the BFF: what a consultation leaves (with the professional's RPPS, never a national
 * identifier or a patient's name), fail-closed summaries and consent, and the professional's own history.
 */
import { historyResponseSchema, summaryResponseSchema } from '@sesali/shared';
import { startHarness, type Agent, type Harness } from '../testing/harness';
import { refOf, shippedPatient, treatmentConsent } from '../testing/shipped-patients';
import type { AuditStore } from './audit-store';
import { verifyChain } from './events';
import { allEvents } from './audit-store';
import { openSqliteAuditStore } from './sqlite-audit-store';

/** Search, open the consent step (the identity confirmed), attest. */
async function consult(agent: Agent, cc: string, folder: string, language: string): Promise<string> {
  const ref = await refOf(agent, cc, folder);
  await agent.get(`/api/patients/${ref}/consent`).expect(200);
  await agent.post(`/api/patients/${ref}/consent`).send(treatmentConsent(language)).expect(201);
  return ref;
}

describe('audit trail of a consultation', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it('records the journey with the professional, and the patient only as a keyed hash, initials and birth year', async () => {
    const doctor = await harness.loggedIn('medecin-generaliste');
    const ref = await consult(doctor, 'PT', 'complete', 'pt');
    const response = await doctor.get(`/api/patients/${ref}/summary`).expect(200);
    summaryResponseSchema.parse(response.body);
    const requestId = response.headers['x-request-id'];
    await doctor.post('/auth/logout').expect(200);

    const events = await harness.auditStore.events();
    expect(events.map((e) => e.action)).toEqual([
      'login',
      'patient_search',
      'identity_confirmed',
      'consent_attested',
      'summary_viewed',
      'logout',
    ]);
    const viewed = events.find((e) => e.action === 'summary_viewed');
    expect(viewed).toMatchObject({
      requestId,
      actor: { professionalId: expect.stringMatching(/^8\d{11}$/) }, // idNat: 8 + RPPS
      details: { country: 'PT', patientInitials: 'A.R. S.M.', patientBirthYear: '1990', purpose: 'TREATMENT' },
    });
    expect(events.find((e) => e.action === 'consent_attested')?.details).toMatchObject({
      noticeLanguage: 'pt',
      attestations: ['noticeGiven', 'consentSigned', 'noticeKept'],
    });
    // No national identifier, no name, no birth date in clear anywhere in the trail.
    const patient = shippedPatient('PT', 'complete');
    const trail = JSON.stringify(events);
    for (const secret of [
      patient.identifiers[0]?.extension ?? '?',
      patient.demographics.familyName ?? '?',
      'Monteiro',
      patient.demographics.birthDate ?? '?',
    ])
      expect(trail).not.toContain(secret);
    expect((await verifyChain(allEvents(harness.auditStore))).broken).toBeUndefined();
  });

  it('shows each professional their own consultations only, newest first, a page at a time', async () => {
    const doctor = await harness.loggedIn('medecin-generaliste');
    const nurse = await harness.loggedIn('infirmiere-hospitaliere');
    const ref = await consult(nurse, 'HR', 'complete', 'hr');
    await nurse.get(`/api/patients/${ref}/summary`).expect(200);

    const mine = historyResponseSchema.parse((await nurse.get('/api/me/history').expect(200)).body);
    expect(mine.items.map((item) => item.action)).toEqual([
      'summary_viewed',
      'consent_attested',
      'identity_confirmed',
      'patient_search',
    ]);
    expect(mine.items[0]).toMatchObject({ country: 'HR', patientInitials: 'I. B.', patientBirthYear: '1956' });
    const theirs = historyResponseSchema.parse((await doctor.get('/api/me/history').expect(200)).body);
    expect(theirs.items.every((item) => item.country !== 'HR')).toBe(true);
    expect(theirs.total).toBe(4);

    const second = historyResponseSchema.parse((await nurse.get('/api/me/history?page=2').expect(200)).body);
    expect(second).toMatchObject({ page: 2, total: 4, items: [] });
    expect((await nurse.get('/api/me/history?page=0').expect(400)).body.code).toBe('invalid_request');
  });
});

describe('fail-closed', () => {
  let harness: Harness;
  let failing = false;
  beforeAll(async () => {
    const real = openSqliteAuditStore(':memory:');
    const store: AuditStore = {
      ...real,
      kind: 'sqlite',
      append: (input) => (failing ? Promise.reject(new Error('disk full')) : real.append(input)),
      events: (query) => real.events(query),
      count: (query) => real.count(query),
      close: () => real.close(),
    };
    harness = await startHarness({ auditStore: store });
  });
  afterAll(() => harness.close());

  it('sends no summary, no PDF and records no consent while the trail cannot be written', async () => {
    const doctor = await harness.loggedIn('medecin-generaliste');
    const ref = await consult(doctor, 'PT', 'with-pdf', 'pt');
    failing = true;
    for (const path of [`/api/patients/${ref}/summary`, `/api/patients/${ref}/original`]) {
      const response = await doctor.get(path);
      expect({ path, status: response.status, code: response.body.code }).toEqual({
        path,
        status: 503,
        code: 'audit_unavailable',
      });
      expect(response.headers['content-type']).toMatch(/json/);
      expect(JSON.stringify(response.body)).not.toMatch(/Almeida|Costa|PDF-/);
    }
    const other = await refOf(doctor, 'HR', 'complete').catch((error: Error) => error.message);
    expect(other).toMatch(/search answered 503/);
    failing = false;
    await doctor.get(`/api/patients/${ref}/summary`).expect(200);
  });
});
