/**
 * A logout that overtakes requests still running in the same session: those requests end as 401
 * `not_authenticated` (the SPA sends the professional to the login), never as a server error, and the session
 * is not brought back to life by them.
 */
import { delay, http } from 'msw';
import { startHarness, type Agent, type Harness } from '../testing/harness';
import { searchValuesFor } from '../testing/shipped-patients';

let harness: Harness;
let doctor: Agent;

beforeAll(async () => {
  harness = await startHarness();
  doctor = await harness.loggedIn('medecin-generaliste');
});
afterAll(() => harness.close());
afterEach(() => harness.memberStates.resetHandlers());

/** The member state answers the next calls of this path only after a while. */
function slow(path: string): void {
  harness.memberStates.use(
    // Returning nothing after the delay lets the simulated member state answer as usual.
    http.post(`${harness.config.contactPoint.url}${path}`, async () => {
      await delay(400);
    }),
  );
}

describe('logout during a request', () => {
  it('turns a search overtaken by a logout into 401, and the session stays ended', async () => {
    const values = await searchValuesFor(doctor, 'PT', 'complete');
    slow('/v1/patients/query');
    // Sent now (a supertest request leaves only when awaited or then'd).
    const search = doctor
      .post('/api/patients/search')
      .send({ countryCode: 'PT', ...values })
      .then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await doctor.post('/auth/logout').expect(200);
    const response = await search;
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 401, code: 'not_authenticated' });
    await doctor.get('/api/session').expect(401);
  });
});
