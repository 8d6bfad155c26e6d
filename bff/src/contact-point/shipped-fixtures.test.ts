/**
 * Every shipped fixture through every handler: what the simulated member states answer for each patient parses
 * with the shared contracts (the client validates every answer), and each scenario patient gives its mapped error.
 */
import type { setupServer } from 'msw/node';
import type { PatientId } from '@sesali/shared';
import { shippedFixturesDir } from '@sesali/mocks/fixtures-dir';
import { createFixtureStore } from '@sesali/mocks/member-states';
import { startSimulatedMemberStates } from '../testing/simulated-member-states';
import type { AssertionSigner } from './assertions';
import { ContactPointFailure, createContactPointClient } from './client';

const BASE = 'https://ncp.sesali.test';
const fixtures = createFixtureStore([shippedFixturesDir]);
const snapshot = fixtures.snapshot();
const client = createContactPointClient({
  baseUrl: BASE,
  timeoutMs: 1000,
  maxDocumentBytes: 5 * 1024 * 1024,
  backoffMs: 5,
});
let signer: AssertionSigner;
let server: ReturnType<typeof setupServer>;

const identity = {
  rpps: '899700100011',
  givenName: 'Claire',
  familyName: 'MARTIN',
  professionCode: '10',
  professionLabel: 'Médecin',
  specialtyCode: null,
  organisation: 'CABINET DR MARTIN',
  organisationId: null,
  facilityType: 'SA07',
  locality: null,
};
const assertions = async (patientId: PatientId) => ({
  hcp: await signer.hcp({ subject: 's', identity, purposeOfUse: 'TREATMENT' }),
  trc: await signer.trc({
    subject: 's',
    patientId,
    purposeOfUse: 'TREATMENT',
    consent: { attestedAt: '2026-11-25T10:00:00Z', noticeLanguage: 'fr-FR' },
  }),
});

beforeAll(async () => {
  ({ signer, server } = await startSimulatedMemberStates(BASE, fixtures));
});
afterAll(() => server.close());

const patients = [...snapshot.countries.values()].flatMap((c) =>
  c.patients.map((p) => ({ country: c.code, patient: p })),
);
const regular = patients.filter(
  ({ patient }) => patient.serviceActivated && !patient.behaviour && patient.documents.length > 0,
);

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContactPointFailure) return error.code;
    throw error;
  }
  return 'no failure';
}

describe('shipped fixtures', () => {
  it('load without a problem', () => {
    expect(snapshot.problems).toEqual([]);
    expect(regular.length).toBeGreaterThanOrEqual(21);
  });

  it.each(regular.map(({ country, patient }) => [patient.key, country, patient] as const))(
    '%s: every answer parses with the contracts',
    async (_key, country, patient) => {
      const patientId = patient.identifiers[0] as PatientId;
      const found = await client.queryPatients(
        { countryCode: country, patientDemographics: { patientId: [patientId] } },
        { hcp: (await assertions(patientId)).hcp },
      );
      expect(found.length).toBeGreaterThanOrEqual(1);
      const documents = await client.queryDocuments(
        { countryCode: country, patientId, classCode: ['60591-5'] },
        await assertions(patientId),
      );
      expect(documents.map((d) => d.uuid).sort()).toEqual(patient.documents.map((d) => d.id).sort());
      for (const document of documents) {
        const { bytes, metadata } = await client.retrieveDocument(
          {
            countryCode: country,
            homeCommunityId: document.hcid,
            documentId: { repositoryUniqueId: document.repositoryId, documentUniqueId: document.uuid },
            classCode: '60591-5',
            targetLanguage: 'fr-FR',
          },
          await assertions(patientId),
        );
        expect(bytes.byteLength).toBe(metadata.size);
      }
    },
  );

  it.each([
    ['not-activated', 'patients.query', 'patient_not_activated'],
    ['no-summary', 'documents.query', 'no_summary'],
    ['server-error', 'documents.query', 'contact_point_error'],
    ['consent-error', 'documents.query', 'consent_rejected'],
    ['timeout', 'patients.query', 'contact_point_timeout'],
    ['too-large', 'documents.retrieve', 'document_too_large'],
  ])('scenario %s fails at %s with %s', async (folder, operation, code) => {
    const entry = patients.find(({ patient }) => patient.key.endsWith(`/${folder}`));
    if (!entry) throw new Error(`no shipped scenario patient ${folder}`);
    const { country, patient } = entry;
    const patientId = patient.identifiers[0] as PatientId;
    const a = await assertions(patientId);
    const calls = {
      'patients.query': () =>
        client.queryPatients({ countryCode: country, patientDemographics: { patientId: [patientId] } }, { hcp: a.hcp }),
      'documents.query': () => client.queryDocuments({ countryCode: country, patientId, classCode: ['60591-5'] }, a),
      'documents.retrieve': () => {
        const doc = patient.documents[0];
        if (!doc) throw new Error('scenario without document');
        return client.retrieveDocument(
          {
            countryCode: country,
            homeCommunityId: snapshot.countries.get(country)?.homeCommunityId ?? '1.2',
            documentId: { repositoryUniqueId: doc.repositoryId, documentUniqueId: doc.id },
            classCode: '60591-5',
            targetLanguage: 'fr-FR',
          },
          a,
        );
      },
    } as const;
    expect(await failure(calls[operation as keyof typeof calls]())).toBe(code);
  });
});
