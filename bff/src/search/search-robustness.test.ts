/**
 * Hostile input on the search endpoints: a search mask with a catastrophic regex makes its country unavailable
 * (operator log, no hang); property-based requests (fast-check) never get a 5xx.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { shippedFixturesDir } from '@sesali/mocks/fixtures-dir';
import { startHarness, type Agent, type Harness } from '../testing/harness';

let harness: Harness;
let doctor: Agent;
const qaDir = mkdtempSync(join(tmpdir(), 'sesali-qa-'));

beforeAll(async () => {
  // A QA override of Malta whose mask carries the classic ReDoS pattern.
  cpSync(join(shippedFixturesDir, 'MT', 'country.json'), join(qaDir, 'MT', 'country.json'), { recursive: true });
  const mask = readFileSync(join(shippedFixturesDir, 'MT', 'search-mask.xml'), 'utf8').replace(
    /format="[^"]*"/,
    'format="(a+)+$"',
  );
  writeFileSync(join(qaDir, 'MT', 'search-mask.xml'), mask);
  harness = await startHarness({ fixtureDirs: [shippedFixturesDir, qaDir] });
  doctor = await harness.loggedIn('medecin-generaliste');
});
afterAll(async () => {
  await harness.close();
  rmSync(qaDir, { recursive: true, force: true });
});

describe('hostile search input', () => {
  it('shows a country whose mask has a catastrophic regex as unavailable, and refuses its form', async () => {
    const countries = await harness.browser().get('/api/countries').expect(200);
    const malta = (countries.body as { countries: { code: string; status: string }[] }).countries.find(
      (c) => c.code === 'MT',
    );
    expect(malta?.status).toBe('unavailable');
    expect((await doctor.get('/api/countries/MT/search-form').expect(503)).body.code).toBe('country_unavailable');
    // The other countries keep working.
    await doctor.get('/api/countries/PT/search-form').expect(200);
  });

  const keyArb = fc.oneof(
    fc.constantFrom('id:2.16.620.1.101.10.1.1', 'birthDate', 'gender', 'id:2.16.724.4.40', '__proto__', 'constructor'),
    fc.string({ maxLength: 40 }),
  );
  const bodyArb = fc.oneof(
    fc.record({
      countryCode: fc.oneof(fc.constantFrom('PT', 'ES', 'CY', 'MT', 'FR', 'pt', 'XX'), fc.string({ maxLength: 4 })),
      group: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double(), fc.string({ maxLength: 3 })),
      values: fc.oneof(
        fc.dictionary(keyArb, fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^\d{9}$/), fc.integer())),
        fc.anything(),
      ),
    }),
    fc.anything(),
  );

  it('never answers a 5xx to 10 000 arbitrary searches', async () => {
    await fc.assert(
      fc.asyncProperty(bodyArb, async (body) => {
        const response = await doctor
          .post('/api/patients/search')
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body ?? null));
        return response.status < 500 || response.status === 503 || response.status === 504;
      }),
      { numRuns: 10_000 },
    );
  }, 180_000);

  it('never answers a 5xx to 2 000 arbitrary refs and country codes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), fc.string({ maxLength: 6 }), async (ref, cc) => {
        const a = await doctor.get(`/api/patients/${encodeURIComponent(ref)}`);
        const b = await doctor.get(`/api/countries/${encodeURIComponent(cc)}/search-form`);
        return a.status < 500 && (b.status < 500 || b.status === 503);
      }),
      { numRuns: 2_000 },
    );
  }, 180_000);
});
