import { parseCdaPatientSummary } from '../documents/cda/parse-cda';
import { parseFhirPatientSummary } from '../documents/fhir/parse-fhir';
import { readFixture } from '../documents/testing/fixtures';
import { coverageReport } from './coverage-report';
import { loadTerminology } from './load';

describe('coverageReport', () => {
  it('lists the codes shown in English or as the document wrote them, with where they are', async () => {
    const { catalogue } = await loadTerminology();
    const croatia = coverageReport(parseCdaPatientSummary(readFixture('HR/patients/complete/ps-l3.xml')), catalogue);
    expect(croatia.gaps).toContainEqual({
      code: 'N02BB02',
      codeSystem: '2.16.840.1.113883.6.73',
      codeSystemName: 'Anatomical Therapeutic Chemical',
      displayName: 'metamizol natrij',
      status: 'en-GB only',
      where: 'section 48765-2 › entry 1 (allergy) › agent',
    });
    expect(croatia.french).toBe(croatia.coded - croatia.gaps.length);

    const spain = coverageReport(parseCdaPatientSummary(readFixture('ES/patients/complete/ps-l3.xml')), catalogue);
    const entryGaps = spain.gaps.filter((gap) => gap.where.startsWith('section'));
    expect(new Set(entryGaps.map((gap) => `${gap.code} ${gap.status}`))).toEqual(
      new Set(['M79.7 missing', 'A11CC05 missing']),
    );
  });

  it('finds nothing missing in the FHIR fixture', async () => {
    const { catalogue } = await loadTerminology();
    const report = coverageReport(parseFhirPatientSummary(readFixture('LU/patients/fhir/ps.json')), catalogue);
    expect(report.gaps).toEqual([]);
    expect(report.coded).toBeGreaterThan(50);
  });
});
