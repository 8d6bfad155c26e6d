import { patientSummarySchema, type Display } from '@sesali/shared';
import { loadTerminology } from '../terminology/load';
import { readPatientSummary } from './read-summary';
import { documentError, readFixture } from './testing/fixtures';

describe('readPatientSummary', () => {
  it('reads a CDA L3 and a FHIR Bundle into the same translated model', async () => {
    const { catalogue } = await loadTerminology();
    const cda = readPatientSummary(readFixture('LU/patients/complete/ps-l3.xml'), 'text/xml', catalogue, {
      countryCode: 'LU',
    });
    const fhir = readPatientSummary(readFixture('LU/patients/fhir/ps.json'), 'application/fhir+json', catalogue);
    expect(cda.format).toBe('cda');
    expect(fhir.format).toBe('fhir');
    for (const summary of [cda, fhir]) {
      expect(summary.header.country).toBe('LU');
      expect(summary.sections.slice(0, 5).map((section) => section.loinc)).toEqual([
        '48765-2',
        '10160-0',
        '11450-4',
        '47519-4',
        '46264-8',
      ]);
      expect(summary.sections[0]?.titleFr).toBe('Allergies et réactions indésirables');
    }
  });

  it('brings statuses, moods and contact roles to the SPA in the project’s French, like any coded value', async () => {
    const { catalogue } = await loadTerminology();
    const fromProject = (text: string): unknown =>
      expect.objectContaining({ display: { text, lang: 'fr-FR', level: 'fr', source: 'project' } satisfies Display });
    // What the SPA receives: the model as its shared schema parses it.
    const czechia = patientSummarySchema.parse(
      readPatientSummary(readFixture('CZ/patients/complete/ps-l3.xml'), 'text/xml', catalogue),
    );
    const plan = czechia.sections.find((section) => section.loinc === '18776-5')?.entries[0];
    expect(plan).toMatchObject({
      type: 'planOfCare',
      status: fromProject('Nouveau'),
      mood: fromProject('Prévu'),
    });
    expect(czechia.header.guardians.map((guardian) => guardian.role)).toEqual([fromProject('Tuteur légal')]);
    expect(czechia.header.contacts.map((contact) => contact.role)).toEqual([
      fromProject('Relation personnelle'),
      fromProject("Personne à prévenir en cas d'urgence"),
    ]);

    const luxembourg = patientSummarySchema.parse(
      readPatientSummary(readFixture('LU/patients/fhir/ps.json'), 'application/fhir+json', catalogue),
    );
    const [medication] = luxembourg.sections.find((section) => section.loinc === '10160-0')?.entries ?? [];
    expect(medication).toMatchObject({ type: 'medication', status: fromProject('En cours') });
  });

  it('passes the size limit on', async () => {
    const { catalogue } = await loadTerminology();
    const error = documentError(() =>
      readPatientSummary(readFixture('LU/patients/complete/ps-l3.xml'), 'text/xml', catalogue, { maxBytes: 50_000 }),
    );
    expect(error.code).toBe('document_too_large');
  });
});
