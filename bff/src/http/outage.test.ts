/**
 * The contact point unreachable: every route that needs it answers 502 `contact_point_unavailable` with its
 * French message — never a 500 — and the routes that do not need it keep working.
 */
import { http, HttpResponse } from 'msw';
import { errorCatalogue } from '@sesali/shared';
import { startHarness, type Agent, type Harness } from '../testing/harness';
import { refOf, shippedPatient, treatmentConsent } from '../testing/shipped-patients';

let harness: Harness;
let doctor: Agent;

beforeAll(async () => {
  harness = await startHarness();
  doctor = await harness.loggedIn('medecin-generaliste');
});
afterAll(() => harness.close());
afterEach(() => harness.memberStates.resetHandlers());

function outage(): void {
  harness.memberStates.use(http.all(`${harness.config.contactPoint.url}/*`, () => HttpResponse.error()));
}

const unavailable = {
  code: 'contact_point_unavailable',
  message: errorCatalogue.contact_point_unavailable.message,
};

describe('contact point outage', () => {
  // First, with nothing cached yet: the country list, the search form and the search all need the contact point.
  it('answers 502 with its French message on the country list, the search form and the search', async () => {
    outage();
    const countries = await doctor.get('/api/countries');
    expect({ status: countries.status, body: countries.body }).toEqual({ status: 502, body: unavailable });
    const form = await doctor.get('/api/countries/PT/search-form');
    expect({ status: form.status, body: form.body }).toEqual({ status: 502, body: unavailable });
    const { identifiers } = shippedPatient('PT', 'complete');
    const found = await doctor.post('/api/patients/search').send({
      countryCode: 'PT',
      group: 0,
      values: { [`id:${identifiers[0]?.root}`]: identifiers[0]?.extension },
    });
    expect({ status: found.status, body: found.body }).toEqual({ status: 502, body: unavailable });
  });

  it('answers 502 on the summary and the original; the consent step, which does not call it, still works', async () => {
    const ref = await refOf(doctor, 'PT', 'with-pdf');
    outage();
    expect((await doctor.get(`/api/patients/${ref}/consent`)).status).toBe(200);
    await doctor.post(`/api/patients/${ref}/consent`).send(treatmentConsent('pt')).expect(201);
    for (const path of [`/api/patients/${ref}/summary`, `/api/patients/${ref}/original`]) {
      const response = await doctor.get(path);
      expect({ path, status: response.status, body: response.body }).toEqual({ path, status: 502, body: unavailable });
    }
  });
});
