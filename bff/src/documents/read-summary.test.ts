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

  it('passes the size limit on', async () => {
    const { catalogue } = await loadTerminology();
    const error = documentError(() =>
      readPatientSummary(readFixture('LU/patients/complete/ps-l3.xml'), 'text/xml', catalogue, { maxBytes: 50_000 }),
    );
    expect(error.code).toBe('document_too_large');
  });
});
