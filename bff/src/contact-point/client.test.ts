/**
 * The contact-point client against the simulated member states (MSW), from fixture folders written by the test:
 * contracts, eHDSI error mapping, transport failures, assertion checks, and a patient dropped in without code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, importPKCS8 } from 'jose';
import { delay, http, HttpResponse } from 'msw';
import type { setupServer } from 'msw/node';
import {
  assertionHeaders,
  assertionTypes,
  contactPointPaths,
  countriesResponseSchema,
  patientQueryResponseSchema,
  type PatientId,
} from '@sesali/shared';
import { createFixtureStore, writeCountry, writePatient } from '@sesali/mocks/member-states';
import { startSimulatedMemberStates } from '../testing/simulated-member-states';
import { TEST_ASSERTION_PEM } from '../testing/test-dependencies';
import { createAssertionSigner, type AssertionSigner } from './assertions';
import { ContactPointFailure, createContactPointClient, outcomeOf, type ContactPointCall } from './client';

const BASE = 'https://ncp.sesali.test';
const ROOT = '2.16.17.710.850.1000.990.1';
const id = (extension: string): PatientId => ({ root: ROOT, extension });
const MASK = '<searchFields xmlns="http://ec.europa.eu/sante/ehncp/ism"><country code="XA"/></searchFields>';
const L3 = '<ClinicalDocument xmlns="urn:hl7-org:v3"><title>PS</title></ClinicalDocument>';

const dir = mkdtempSync(join(tmpdir(), 'sesali-fixtures-'));
const extraDir = mkdtempSync(join(tmpdir(), 'sesali-qa-fixtures-'));
const doc = (docId: string, file = 'ps.xml') => ({
  id: docId,
  repositoryId: '2.16.17.710.850.1000.990.2',
  classCode: '60591-5' as const,
  format: 'L3' as const,
  file,
  mimeType: 'text/xml' as const,
  title: 'Patient Summary',
  creationDate: '2026-10-01T10:00:00Z',
  language: 'en-GB',
});

writeCountry(dir, { code: 'XA' }, MASK);
writeCountry(dir, { code: 'XB', down: true }, MASK);
writeCountry(dir, { code: 'XP', status: 'planned' });
writePatient(dir, 'XA', 'complete', { identifiers: [id('100')], documents: [doc('doc-100')] }, { 'ps.xml': L3 });
writePatient(dir, 'XA', 'twin-1', { identifiers: [id('200')] });
writePatient(dir, 'XA', 'twin-2', {
  identifiers: [id('200')],
  demographics: { givenName: 'Other', familyName: 'TWIN' },
});
writePatient(dir, 'XA', 'not-activated', { identifiers: [id('300')], serviceActivated: false });
writePatient(dir, 'XA', 'no-summary', { identifiers: [id('400')] });
writePatient(dir, 'XA', 'slow', { identifiers: [id('500')], behaviour: { on: 'patients.query', latencyMs: 5000 } });
writePatient(dir, 'XA', 'broken', { identifiers: [id('600')], behaviour: { on: 'documents.query', httpStatus: 500 } });
writePatient(dir, 'XA', 'consent', {
  identifiers: [id('700')],
  behaviour: { on: 'documents.query', errorCode: '4701' },
});
writePatient(
  dir,
  'XA',
  'huge',
  {
    identifiers: [id('800')],
    documents: [doc('doc-800')],
    behaviour: { on: 'documents.retrieve', padDocumentToBytes: 300_000 },
  },
  { 'ps.xml': L3 },
);

let signer: AssertionSigner;
const problems: string[] = [];
const fixtures = createFixtureStore([dir, extraDir], (found) =>
  problems.push(...found.map((p) => `${p.file}: ${p.problem}`)),
);
let server: ReturnType<typeof setupServer>;
const reported: ContactPointCall[] = [];
const client = createContactPointClient({
  baseUrl: BASE,
  timeoutMs: 800,
  maxDocumentBytes: 200_000,
  backoffMs: 5,
  onCall: (call) => reported.push(call),
});

const SUBJECT = 'f:test:899700100011';
const hcpIdentity = {
  rpps: '899700100011',
  givenName: 'Claire',
  familyName: 'MARTIN',
  professionCode: '10',
  professionLabel: 'Médecin',
  specialtyCode: 'SM26',
  organisation: 'CABINET DR MARTIN',
  organisationId: 'R100011',
  facilityType: 'SA07',
  locality: '75009 PARIS',
};
const hcp = () => signer.hcp({ subject: SUBJECT, identity: hcpIdentity, purposeOfUse: 'TREATMENT' });
const trc = (patientId: PatientId, subject = SUBJECT) =>
  signer.trc({
    subject,
    patientId,
    purposeOfUse: 'TREATMENT',
    consent: { attestedAt: '2026-11-25T10:00:00Z', noticeLanguage: 'en-GB' },
  });
const assertions = async (patientId: PatientId) => ({ hcp: await hcp(), trc: await trc(patientId) });

/** An HCP assertion signed with the BFF's key, issued and expiring when a test needs (seconds since 1970). */
async function hcpAssertion(jti: string, issuedAt: number, expiresAt: number): Promise<string> {
  return new SignJWT({ hcp: hcpIdentity, purposeOfUse: 'TREATMENT', locality: 'FR' })
    .setProtectedHeader({ alg: 'ES256', typ: assertionTypes.hcp, kid: signer.jwks.keys[0]?.kid })
    .setIssuer('x')
    .setAudience(BASE)
    .setSubject(SUBJECT)
    .setJti(jti)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(await importPKCS8(TEST_ASSERTION_PEM, 'ES256'));
}

/** A raw call to the simulated contact point, with the assertion headers given. */
async function post(path: string, body: unknown, headers: Record<string, string>) {
  const response = await fetch(new URL(path, BASE), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { errorCode: string } };
}

async function failureOf(promise: Promise<unknown>): Promise<ContactPointFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContactPointFailure) return error;
    throw error;
  }
  throw new Error('expected a ContactPointFailure');
}

beforeAll(async () => {
  ({ signer, server } = await startSimulatedMemberStates(BASE, fixtures));
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(extraDir, { recursive: true, force: true });
});

const query = (extension: string) => ({ countryCode: 'XA', patientDemographics: { patientId: [id(extension)] } });

describe('contact-point client against the simulated member states', () => {
  it('lists countries and search masks, answers parsing with the shared contracts', async () => {
    const countries = await client.countries();
    expect(countries.map((c) => [c.code, c.status])).toEqual([
      ['XA', 'live'],
      ['XB', 'live'],
      ['XP', 'planned'],
    ]);
    const raw = await fetch(new URL(contactPointPaths.countries, BASE)).then((r) => r.json());
    expect(countriesResponseSchema.safeParse(raw).success).toBe(true);
    expect(await client.searchMask('XA')).toBe(MASK);
  });

  it('finds a patient, lists and retrieves the summary with HCP and TRC assertions', async () => {
    const patients = await client.queryPatients(query('100'), { hcp: await hcp() });
    expect(patients).toHaveLength(1);
    expect(patients[0]?.familyName).toBe('COMPLETE');
    const documents = await client.queryDocuments(
      { countryCode: 'XA', patientId: id('100'), classCode: ['60591-5'] },
      await assertions(id('100')),
    );
    expect(documents.map((d) => d.uuid)).toEqual(['doc-100']);
    const retrieved = await client.retrieveDocument(
      {
        countryCode: 'XA',
        homeCommunityId: documents[0]!.hcid,
        documentId: { repositoryUniqueId: documents[0]!.repositoryId, documentUniqueId: 'doc-100' },
        classCode: '60591-5',
        targetLanguage: 'fr-FR',
      },
      await assertions(id('100')),
    );
    expect(retrieved.bytes.toString('utf8')).toBe(L3);
  });

  it('returns every match when an identifier matches several patients, and none for an unknown one', async () => {
    expect(await client.queryPatients(query('200'), { hcp: await hcp() })).toHaveLength(2);
    expect(await client.queryPatients(query('999'), { hcp: await hcp() })).toEqual([]);
  });

  it('refuses a call without an HCP assertion', async () => {
    expect((await failureOf(client.queryPatients(query('100'), { hcp: '' }))).code).toBe('assertion_rejected');
  });

  it('maps each scenario to its error code', async () => {
    const h = { hcp: await hcp() };
    expect((await failureOf(client.queryPatients(query('300'), h))).code).toBe('patient_not_activated');
    expect((await failureOf(client.queryPatients(query('500'), h))).code).toBe('contact_point_timeout');
    const queryDocs = async (ext: string) =>
      client.queryDocuments(
        { countryCode: 'XA', patientId: id(ext), classCode: ['60591-5'] },
        await assertions(id(ext)),
      );
    expect((await failureOf(queryDocs('400'))).code).toBe('no_summary');
    expect((await failureOf(queryDocs('600'))).code).toBe('contact_point_error');
    const consent = await failureOf(queryDocs('700'));
    expect([consent.code, consent.detail.ehdsiCode]).toEqual(['consent_rejected', '4701']);
    const huge = await failureOf(
      client.retrieveDocument(
        {
          countryCode: 'XA',
          homeCommunityId: ROOT,
          documentId: { repositoryUniqueId: '2.16.17.710.850.1000.990.2', documentUniqueId: 'doc-800' },
          classCode: '60591-5',
          targetLanguage: 'fr-FR',
        },
        await assertions(id('800')),
      ),
    );
    expect(huge.code).toBe('document_too_large');
    expect((await failureOf(client.queryPatients({ ...query('100'), countryCode: 'XB' }, h))).code).toBe(
      'country_unavailable',
    );
  });

  it('refuses tampered assertions with their eHDSI codes', async () => {
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const forger = await createAssertionSigner({ pem: otherKey, issuer: 'x', audience: BASE, ttlSeconds: 60 });
    const forged = await forger.hcp({ subject: SUBJECT, identity: hcpIdentity, purposeOfUse: 'TREATMENT' });
    expect(await post(contactPointPaths.patientQuery, query('100'), { [assertionHeaders.hcp]: forged })).toMatchObject({
      status: 403,
      body: { errorCode: '1001' },
    });

    const now = Math.floor(Date.now() / 1000);
    const expired = await hcpAssertion('expired-assertion', now - 3600, now - 3000);
    expect(await post(contactPointPaths.patientQuery, query('100'), { [assertionHeaders.hcp]: expired })).toMatchObject(
      {
        status: 403,
        body: { errorCode: '1001' },
      },
    );

    const docQuery = { countryCode: 'XA', patientId: id('100'), classCode: ['60591-5'] };
    const otherPatient = await post(contactPointPaths.documentQuery, docQuery, {
      [assertionHeaders.hcp]: await hcp(),
      [assertionHeaders.trc]: await trc(id('200')),
    });
    expect(otherPatient).toMatchObject({ status: 403, body: { errorCode: '1002' } });
    const otherProfessional = await post(contactPointPaths.documentQuery, docQuery, {
      [assertionHeaders.hcp]: await hcp(),
      [assertionHeaders.trc]: await trc(id('100'), 'f:someone-else'),
    });
    expect(otherProfessional).toMatchObject({ status: 403, body: { errorCode: '1002' } });
    expect(
      (await failureOf(client.queryDocuments(docQuery as never, { hcp: await hcp(), trc: await trc(id('200')) }))).code,
    ).toBe('assertion_rejected');
  });

  it('refuses an assertion it accepted once it has expired (a verified assertion is remembered, never extended)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await hcpAssertion('short-lived-assertion', now, now + 60);
    const send = () => post(contactPointPaths.patientQuery, query('100'), { [assertionHeaders.hcp]: shortLived });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    // Only the date moves: timers, clocks and the network stay real.
    const jest = (import.meta as unknown as { jest: typeof globalThis.jest }).jest;
    jest.useFakeTimers({
      now: (now + 61) * 1000,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
      ],
    });
    try {
      expect(await send()).toMatchObject({ status: 403, body: { errorCode: '1001' } });
    } finally {
      jest.useRealTimers();
    }
  });

  it('finds a patient dropped into the QA fixtures folder, without any code change', async () => {
    expect(await client.queryPatients({ ...query('4242') }, { hcp: await hcp() })).toEqual([]);
    writePatient(extraDir, 'XA', 'dropped', {
      identifiers: [id('4242')],
      demographics: { givenName: 'Nova', familyName: 'DROPPED' },
    });
    const found = await client.queryPatients(query('4242'), { hcp: await hcp() });
    expect(found.map((p) => p.familyName)).toEqual(['DROPPED']);
    expect(patientQueryResponseSchema.safeParse({ patients: found }).success).toBe(true);
  });

  it('reports a bad fixture with its file and keeps the other countries working', async () => {
    writeCountry(extraDir, { code: 'XC' });
    writePatient(extraDir, 'XC', 'bad', { identifiers: [id('1')], documents: [doc('d', 'missing.xml')] });
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(join(extraDir, 'XD'), { recursive: true });
    writeFileSync(join(extraDir, 'XD', 'country.json'), '{ not json');
    mkdirSync(join(extraDir, 'XA', 'patients', 'no-json'), { recursive: true });
    expect((await client.countries()).map((c) => c.code)).toEqual(['XA', 'XB', 'XC', 'XP']);
    expect(
      problems.some((p) => p.includes(join('XC', 'patients', 'bad', 'patient.json')) && p.includes('missing.xml')),
    ).toBe(true);
    expect(problems.some((p) => p.includes(join('XD', 'country.json')) && p.includes('not valid JSON'))).toBe(true);
    expect(problems.some((p) => p.includes('no-json') && p.includes('missing patient.json'))).toBe(true);
    expect(await client.queryPatients(query('100'), { hcp: await hcp() })).toHaveLength(1);
  });

  it('retries a GET on 503 and a network error, never a POST', async () => {
    let calls = 0;
    server.use(
      http.get(new URL(contactPointPaths.countries, BASE).href, () => {
        calls += 1;
        return calls < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ countries: [] });
      }),
    );
    expect(await client.countries()).toEqual([]);
    expect(calls).toBe(3);

    let posts = 0;
    server.use(
      http.post(new URL(contactPointPaths.patientQuery, BASE).href, () => {
        posts += 1;
        return HttpResponse.error();
      }),
    );
    expect((await failureOf(client.queryPatients(query('100'), { hcp: await hcp() }))).code).toBe(
      'contact_point_unavailable',
    );
    expect(posts).toBe(1);
  });

  it('refuses an answer that breaks the contract', async () => {
    server.use(
      http.get(new URL(contactPointPaths.countries, BASE).href, () =>
        HttpResponse.json({ countries: [{ code: 'france' }] }),
      ),
    );
    expect((await failureOf(client.countries())).code).toBe('contact_point_invalid_response');
  });

  it('reports each call with its operation, country and outcome, and nothing else', async () => {
    reported.length = 0;
    const h = { hcp: await hcp() };
    await client.countries();
    await client.searchMask('XA');
    await client.queryPatients(query('100'), h);
    await failureOf(client.queryPatients(query('300'), h));
    await failureOf(client.queryPatients({ ...query('100'), countryCode: 'XB' }, h));
    const queryDocs = async (ext: string) =>
      client.queryDocuments(
        { countryCode: 'XA', patientId: id(ext), classCode: ['60591-5'] },
        await assertions(id(ext)),
      );
    await failureOf(queryDocs('400'));
    await failureOf(queryDocs('600'));
    expect(reported.map(({ seconds: _seconds, ...call }) => call)).toEqual([
      { operation: 'countries', country: undefined, outcome: 'ok' },
      { operation: 'search-mask', country: 'XA', outcome: 'ok' },
      { operation: 'patients.query', country: 'XA', outcome: 'ok' },
      { operation: 'patients.query', country: 'XA', outcome: 'refused' },
      { operation: 'patients.query', country: 'XB', outcome: 'country_unavailable' },
      { operation: 'documents.query', country: 'XA', outcome: 'not_found' },
      { operation: 'documents.query', country: 'XA', outcome: 'error' },
    ]);
    for (const call of reported) expect(call.seconds).toBeGreaterThanOrEqual(0);
    expect(outcomeOf(new ContactPointFailure('contact_point_timeout', 'documents.retrieve'))).toBe('timeout');
    expect(outcomeOf(new ContactPointFailure('contact_point_unavailable', 'countries'))).toBe('unavailable');
    expect(outcomeOf(new ContactPointFailure('document_too_large', 'documents.retrieve'))).toBe('too_large');
    expect(outcomeOf(new Error('anything else'))).toBe('error');
  });

  it('pings the country list once, without retry, within its own time bound', async () => {
    reported.length = 0;
    await expect(client.ping(500)).resolves.toBeUndefined();
    let calls = 0;
    server.use(
      http.get(new URL(contactPointPaths.countries, BASE).href, () => {
        calls += 1;
        return new HttpResponse(null, { status: 503 });
      }),
    );
    expect((await failureOf(client.ping(500))).code).toBe('contact_point_unavailable');
    expect(calls).toBe(1);
    server.use(
      http.get(new URL(contactPointPaths.countries, BASE).href, async () => {
        await delay(400);
        return HttpResponse.json({ countries: [] });
      }),
    );
    const started = Date.now();
    expect((await failureOf(client.ping(50))).code).toBe('contact_point_timeout');
    expect(Date.now() - started).toBeLessThan(350);
    expect(reported.map((call) => [call.operation, call.outcome])).toEqual([
      ['ping', 'ok'],
      ['ping', 'unavailable'],
      ['ping', 'timeout'],
    ]);
  });
});
