/**
 * Finding a patient through the BFF, against the shipped simulated member states (mocks/fixtures, see
 * mocks/fixtures/SCENARIOS.md): every live country's complete patient, every scenario's French message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCatalogue, patientSearchResponseSchema } from '@sesali/shared';
import { shippedFixturesDir } from '@sesali/mocks/fixtures-dir';
import { startHarness, type Agent, type Harness } from '../testing/harness';
import { searchShipped, searchValuesFor, shippedPatient } from '../testing/shipped-patients';

let harness: Harness;
let doctor: Agent;

beforeAll(async () => {
  harness = await startHarness();
  doctor = await harness.loggedIn('medecin-generaliste');
});
afterAll(() => harness.close());

const search = (cc: string, folder: string) => searchShipped(doctor, cc, folder);
const valuesFor = (cc: string, folder: string) => searchValuesFor(doctor, cc, folder);
const patientFixture = shippedPatient;

const liveCountries = readdirSync(shippedFixturesDir)
  .filter((cc) => /^[A-Z]{2}$/.test(cc))
  .filter(
    (cc) =>
      (JSON.parse(readFileSync(join(shippedFixturesDir, cc, 'country.json'), 'utf8')) as { status: string }).status ===
      'live',
  );

describe('patient search', () => {
  it('lists live and planned countries publicly', async () => {
    const response = await harness.browser().get('/api/countries').expect(200);
    const statuses = Object.fromEntries(
      (response.body as { countries: { code: string; status: string }[] }).countries.map((c) => [c.code, c.status]),
    );
    for (const cc of liveCountries) expect(statuses[cc]).toBe('live');
    expect(statuses.CY).toBe('planned');
    expect(statuses.GR).toBe('planned');
  });

  it.each(liveCountries)('finds the complete patient of %s, behind an opaque ref', async (cc) => {
    const response = await search(cc, 'complete');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { candidates } = patientSearchResponseSchema.parse(response.body);
    expect(candidates).toHaveLength(1);
    const fixture = patientFixture(cc, 'complete');
    expect(candidates[0]).toMatchObject({
      countryCode: cc,
      familyName: fixture.demographics.familyName,
      birthDate: fixture.demographics.birthDate,
    });
    for (const id of fixture.identifiers) expect(JSON.stringify(response.body)).not.toContain(id.extension);
    const ref = candidates[0]?.ref as string;
    await doctor.get(`/api/patients/${ref}`).expect(200);
    // Another professional's session does not know this ref.
    const other = await harness.loggedIn('infirmiere-hospitaliere');
    await other.get(`/api/patients/${ref}`).expect(404);
  });

  it('keeps every patient found by concurrent searches of one session (two tabs)', async () => {
    const responses = await Promise.all(
      ['complete', 'with-pdf', 'known-absence', 'complete'].map((f) => search('PT', f)),
    );
    const refs = responses.map((r) => patientSearchResponseSchema.parse(r.body).candidates[0]?.ref as string);
    for (const ref of refs) await doctor.get(`/api/patients/${ref}`).expect(200);
  });

  it('returns two candidates for the several-matches identifier', async () => {
    const response = await search('EE', 'several-matches-1');
    expect(response.status).toBe(200);
    expect(patientSearchResponseSchema.parse(response.body).candidates).toHaveLength(2);
  });

  it.each([
    ['HR', 'not-activated', 'patient_not_activated'],
    ['ES', 'timeout', 'contact_point_timeout'],
  ] as const)('answers %s/%s with %s and its French message', async (cc, folder, code) => {
    const response = await search(cc, folder);
    expect(response.body).toEqual({ code, message: errorCatalogue[code].message });
    expect(response.status).toBe(errorCatalogue[code].status);
  });

  it('answers an unknown identifier with patient_not_found', async () => {
    const { group, values } = await valuesFor('PT', 'complete');
    const key = Object.keys(values)[0] as string;
    const response = await doctor
      .post('/api/patients/search')
      .send({ countryCode: 'PT', group, values: { ...values, [key]: '999999999' } });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('patient_not_found');
  });

  it('refuses invalid input with per-field French messages, before calling the country', async () => {
    const response = await doctor.post('/api/patients/search').send({ countryCode: 'PT', group: 0, values: {} });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid_request');
    expect(Object.values(response.body.fields as Record<string, string>)[0]).toMatch(/obligatoire/);
    const wrong = await doctor
      .post('/api/patients/search')
      .send({ countryCode: 'PT', group: 0, values: { 'id:2.16.620.1.101.10.1.1': '12AB' } });
    expect(Object.values(wrong.body.fields as Record<string, string>)[0]).toMatch(/format attendu/);
  });

  it('refuses a refused professional and an anonymous caller', async () => {
    const refused = await harness.loggedIn('medecin-du-travail');
    await refused.get('/api/countries/PT/search-form').expect(403);
    await harness.browser().post('/api/patients/search').send({ countryCode: 'PT', group: 0, values: {} }).expect(401);
  });
});
