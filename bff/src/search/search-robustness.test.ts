/**
 * Hostile input on the search endpoints: a search mask with a catastrophic regex makes its country unavailable
 * (operator log, no hang); property-based requests (fast-check) never get a 5xx and always get either the
 * endpoint's contract or the shared error shape.
 *
 * The properties run a few hundred cases, not thousands: the arbitraries are built from the real countries and
 * forms the BFF serves (codes, group indexes, field keys, mask formats), so most cases reach past the schema into
 * the form validation and the contact point, and they mix in what breaks parsers (prototype keys, wrong types,
 * oversized values); the known edge cases run every time as explicit examples.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Response } from 'supertest';
import type { z } from 'zod';
import {
  SEARCH_FIELD_MAX_LENGTH,
  apiErrorSchema,
  errorCatalogue,
  isErrorCode,
  patientCandidateSchema,
  patientSearchResponseSchema,
  publicCountriesResponseSchema,
  searchFormSchema,
  type ErrorCode,
  type SearchField,
  type SearchForm,
} from '@sesali/shared';
import { shippedFixturesDir } from '@sesali/mocks/fixtures-dir';
import { startHarness, type Agent, type Harness } from '../testing/harness';
import { refOf } from '../testing/shipped-patients';

let harness: Harness;
let doctor: Agent;
/** Every country the BFF lists, and the forms of those that serve one. */
let countryCodes: string[];
let forms: SearchForm[];
/** A patient found in the doctor's session: ref lookups meet a populated session. */
let knownRef: string;
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
  const { countries } = publicCountriesResponseSchema.parse((await doctor.get('/api/countries').expect(200)).body);
  countryCodes = countries.map((c) => c.code);
  forms = await Promise.all(
    countries
      .filter((c) => c.status === 'live')
      .map(async (c) => searchFormSchema.parse((await doctor.get(`/api/countries/${c.code}/search-form`)).body)),
  );
  knownRef = await refOf(doctor, 'PT', 'complete');
});
afterAll(async () => {
  await harness.close();
  rmSync(qaDir, { recursive: true, force: true });
});

/** The only 5xx a caller may meet here: the country is unavailable, or did not answer in time. */
const COUNTRY_FAILURES: ReadonlySet<string> = new Set<ErrorCode>(['country_unavailable', 'contact_point_timeout']);

/**
 * A success is the endpoint's contract; a failure is `{ code, message }` of the catalogue, with the code's own
 * status and message; a 5xx only for a country's failure.
 */
function expectContractOrSharedError(response: Response, success: z.ZodType): void {
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  if (response.status < 400) {
    expect(success.safeParse(response.body).success).toBe(true);
    return;
  }
  const error = apiErrorSchema.strict().parse(response.body);
  expect(isErrorCode(error.code)).toBe(true);
  const entry = errorCatalogue[error.code as ErrorCode];
  expect({ status: response.status, message: error.message }).toEqual({ status: entry.status, message: entry.message });
  if (response.status >= 500) expect(COUNTRY_FAILURES).toContain(error.code);
}

const postSearch = (body: unknown) =>
  doctor
    .post('/api/patients/search')
    .set('Content-Type', 'application/json')
    .send(JSON.stringify(body ?? null));

/** A few hundred requests through the app: seconds, more on a loaded machine than Jest's default 5 s allows. */
const PROPERTY_TIMEOUT_MS = 60_000;

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const prototypeKeyArb = fc.constantFrom(...PROTOTYPE_KEYS);
/** JSON values of the wrong type for any field of the request. */
const wrongTypeArb = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, ''),
  fc.double(),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.oneof(prototypeKeyArb, fc.string({ maxLength: 4 })), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
);
/** Just over the field limit, or far over it; some bodies then exceed the parser's limit too. */
const oversizedArb = fc.oneof(
  fc.string({ minLength: SEARCH_FIELD_MAX_LENGTH + 1, maxLength: SEARCH_FIELD_MAX_LENGTH + 8 }),
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(SEARCH_FIELD_MAX_LENGTH + n)),
);
const textArb = fc.oneof(
  fc.string({ maxLength: SEARCH_FIELD_MAX_LENGTH }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/**
 * A value the field's mask accepts (reaches the contact point), or one that misses it. Built once per field:
 * `chain` below asks for it on every run, and building a mask's `stringMatching` was a fifth of the test's time.
 */
const fieldValueArbs = new WeakMap<SearchField, fc.Arbitrary<unknown>>();
function fieldValueArb(field: SearchField): fc.Arbitrary<unknown> {
  let arb = fieldValueArbs.get(field);
  if (!arb) fieldValueArbs.set(field, (arb = newFieldValueArb(field)));
  return arb;
}
function newFieldValueArb(field: SearchField): fc.Arbitrary<unknown> {
  const fitting =
    field.kind === 'birthDate'
      ? fc
          .date({ min: new Date('1880-01-01'), max: new Date(), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10))
      : field.format
        ? fc.stringMatching(new RegExp(`^(?:${field.format})$`)).filter((v) => v.length <= SEARCH_FIELD_MAX_LENGTH)
        : textArb;
  return fc.oneof({ weight: 6, arbitrary: fitting }, textArb, oversizedArb, wrongTypeArb);
}

function searchBodyArb(): fc.Arbitrary<unknown> {
  const fields = forms.flatMap((form) => [...form.identifierGroups.flatMap((g) => g.fields), ...form.otherFields]);
  const keyArb = fc.oneof(
    fc.constantFrom(...fields.map((f) => f.key)),
    prototypeKeyArb,
    fc.string({ maxLength: 20 }),
    fc.string({ minLength: 161, maxLength: 170 }),
  );
  const extraValuesArb = fc.dictionary(
    keyArb,
    fc.oneof({ weight: 3, arbitrary: textArb }, oversizedArb, wrongTypeArb),
    { maxKeys: 4 },
  );
  const countryCodeArb = fc.oneof(
    fc.constantFrom(...countryCodes, ...countryCodes.map((cc) => cc.toLowerCase()), 'FR', 'XX', ...PROTOTYPE_KEYS),
    fc.string({ maxLength: 4 }),
    wrongTypeArb,
  );
  const groupArb = fc.oneof(fc.integer({ min: -1, max: 6 }), fc.constantFrom(0.5, -0, '0', '1'), wrongTypeArb);

  // One real country's form, one of its groups, its fields filled (or left out), sometimes with extra keys.
  const filledFormArb = fc
    .constantFrom(...forms)
    .chain((form) => fc.nat({ max: form.identifierGroups.length - 1 }).map((group) => ({ form, group })))
    .chain(({ form, group }) => {
      const formFields = [...(form.identifierGroups[group]?.fields ?? []), ...form.otherFields];
      const ownValues = Object.fromEntries(formFields.map((f) => [f.key, fieldValueArb(f)]));
      return fc.record({
        countryCode: fc.constant(form.countryCode),
        group: fc.oneof({ weight: 4, arbitrary: fc.constant(group) }, groupArb),
        values: fc
          .tuple(
            fc.oneof({ weight: 3, arbitrary: fc.record(ownValues) }, fc.record(ownValues, { requiredKeys: [] })),
            fc.oneof({ weight: 2, arbitrary: fc.constant({}) }, extraValuesArb),
          )
          .map(([own, extra]) => ({ ...own, ...extra })),
      });
    });
  const anyShapeArb = fc.record(
    {
      countryCode: countryCodeArb,
      group: groupArb,
      values: fc.oneof({ weight: 3, arbitrary: extraValuesArb }, wrongTypeArb),
      // A key the request does not have, or one that would pollute a prototype.
      ...Object.fromEntries(PROTOTYPE_KEYS.slice(0, 2).map((k) => [k, wrongTypeArb])),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 6, arbitrary: filledFormArb },
    { weight: 3, arbitrary: anyShapeArb },
    { weight: 1, arbitrary: fc.anything() },
  );
}

/** The edge cases met so far, run every time (JSON.parse keeps `__proto__` as an own key, as the wire does). */
function knownSearchEdgeCases(): unknown[] {
  const pt = 'id:2.16.620.1.101.10.1.1';
  const mt = 'id:2.16.470.1.100.1.1.1000.990.1';
  const seventeenKeys = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, '1']));
  let deeplyNested: unknown = [];
  for (let i = 0; i < 2_000; i++) deeplyNested = [deeplyNested];
  return [
    // The shipped PT patient (found), with a prototype key riding along.
    JSON.parse(`{"countryCode":"PT","group":0,"values":{"__proto__":"1","${pt}":"284613705"}}`),
    JSON.parse('{"__proto__":{"countryCode":"PT","group":0,"values":{}},"countryCode":"PT"}'),
    JSON.parse('{"countryCode":"PT","group":0,"values":{"constructor":{"prototype":{"polluted":true}}}}'),
    { countryCode: '__proto__', group: 0, values: {} },
    { countryCode: 'MT', group: 0, values: { [mt]: `${'a'.repeat(SEARCH_FIELD_MAX_LENGTH - 1)}!` } },
    { countryCode: 'PT', group: 0, values: { [pt]: '1'.repeat(SEARCH_FIELD_MAX_LENGTH + 1) } },
    { countryCode: 'PT', group: 0, values: { [pt]: '1'.repeat(20_000) } },
    { countryCode: 'PT', group: 0, values: { ['k'.repeat(161)]: '1' } },
    { countryCode: 'PT', group: 0, values: seventeenKeys },
    { countryCode: 'PT', group: 5, values: { [pt]: '999999999' } },
    { countryCode: 'PT', group: 0.5, values: { [pt]: '999999999' } },
    { countryCode: 'PT', group: '0', values: { [pt]: '999999999' } },
    { countryCode: 'PT', group: 0, values: { [pt]: '999999999' } },
    { countryCode: 'pt', group: 0, values: { [pt]: '999999999' } },
    { countryCode: 'CY', group: 0, values: { 'id:2.16.840.1.113883.3.9143.1.1': '1', birthDate: '1990-01-01' } },
    { countryCode: 'ES', group: 0, values: { 'id:2.16.724.4.41': 'ABC123' } },
    { countryCode: 'PT', group: 0, values: deeplyNested },
    { countryCode: 'PT', group: 0, values: null },
    { countryCode: 'PT', group: 0, values: [] },
    null,
    [],
    'PT',
    0,
  ];
}

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

  it(
    'answers arbitrary searches with candidates or the shared error shape, never a 5xx',
    async () => {
      await fc.assert(
        fc.asyncProperty(searchBodyArb(), async (body) => {
          expectContractOrSharedError(await postSearch(body), patientSearchResponseSchema);
        }),
        { numRuns: 400, examples: knownSearchEdgeCases().map((body) => [body]) },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'answers arbitrary refs and country codes with the resource or the shared error shape, never a 5xx',
    async () => {
      const refArb = fc.oneof(
        fc.constantFrom(knownRef, `${knownRef}x`, knownRef.slice(1), knownRef.toUpperCase(), ...PROTOTYPE_KEYS),
        fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
        fc.constantFrom('', '.', '..', '%', '%00', 'a/b', '..%2F..%2Fhealthz'),
        fc.string({ maxLength: 80 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.string({ minLength: 200, maxLength: 2_000 }),
      );
      const ccArb = fc.oneof(
        fc.constantFrom(...countryCodes, ...countryCodes.map((cc) => cc.toLowerCase()), 'FR', 'XX', ...PROTOTYPE_KEYS),
        fc.string({ maxLength: 6 }),
        fc.string({ unit: 'binary', maxLength: 4 }),
      );
      await fc.assert(
        fc.asyncProperty(refArb, ccArb, async (ref, cc) => {
          expectContractOrSharedError(
            await doctor.get(`/api/patients/${encodeURIComponent(ref)}`),
            patientCandidateSchema,
          );
          expectContractOrSharedError(
            await doctor.get(`/api/countries/${encodeURIComponent(cc)}/search-form`),
            searchFormSchema,
          );
        }),
        {
          numRuns: 300,
          examples: [
            [knownRef, 'PT'],
            ['__proto__', '__proto__'],
            ['constructor', 'constructor'],
            ['hasOwnProperty', 'pt'],
            ['', 'MT'],
            ['x'.repeat(2_000), 'CY'],
          ],
        },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
