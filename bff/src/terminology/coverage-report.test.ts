import { readdirSync, readFileSync } from 'node:fs';
import { parseCdaPatientSummary } from '../documents/cda/parse-cda';
import { parseFhirPatientSummary } from '../documents/fhir/parse-fhir';
import { CORPUS, corpusL3Documents } from '../documents/testing/corpus';
import { readFixture } from '../documents/testing/fixtures';
import { translateSummary } from '../documents/translate';
import { MVC_PREFIX } from './catalogue';
import { corpusCoverage, coverageReport } from './coverage-report';
import { loadTerminology } from './load';

const { catalogue } = await loadTerminology();

describe('coverageReport', () => {
  it('places every coded value at one level, and lists those not in French with where they are', () => {
    const spain = translateSummary(parseCdaPatientSummary(readFixture('ES/patients/complete/ps-l3.xml')), catalogue);
    const report = coverageReport(spain, catalogue);
    const levels = Object.values(report.levels).reduce((sum, n) => sum + n, 0);
    expect(levels).toBe(report.values);
    expect(report.gaps).toHaveLength(report.values - report.levels.fr);
    expect(report.gaps).toContainEqual(
      expect.objectContaining({ code: 'M79.7', level: 'en', where: expect.stringMatching(/^section 11450-4/) }),
    );
  });

  it('finds nothing but French in the FHIR fixture', () => {
    const luxembourg = translateSummary(parseFhirPatientSummary(readFixture('LU/patients/fhir/ps.json')), catalogue);
    const report = coverageReport(luxembourg, catalogue);
    expect(report.gaps.filter((gap) => gap.level !== 'absent')).toEqual([]);
    expect(report.values).toBeGreaterThan(50);
  });
});

// The value sets that shape the page: each must be entirely in French with the shipped catalogue alone.
const PAGE_VALUE_SETS = {
  '2': 'eHDSIDoseForm',
  '11': 'eHDSIReactionAllergy',
  '12': 'eHDSIRouteofAdministration',
  '13': 'eHDSISeverity',
  '14': 'eHDSISocialHistory',
  '15': 'eHDSIStatusCode',
  '16': 'eHDSIUnit',
  '18': 'eHDSIAdverseEventType',
  '20': 'eHDSIBloodGroup',
  '26': 'eHDSISection',
  '30': 'eHDSIResolutionOutcome',
  '37': 'eHDSINullFlavor',
  '46': 'eHDSIDisplayLabel',
  '47': 'eHDSIAbsentOrUnknownAllergy',
  '48': 'eHDSIAbsentOrUnknownDevice',
  '49': 'eHDSIAbsentOrUnknownMedication',
  '50': 'eHDSIAbsentOrUnknownProblem',
  '51': 'eHDSIAbsentOrUnknownProcedure',
  '56': 'eHDSIQuantityUnit',
  '57': 'eHDSICriticality',
  '58': 'eHDSIAllergyCertainty',
  '59': 'eHDSIAllergyStatus',
  '60': 'eHDSICurrentPregnancyStatus',
  '62': 'eHDSIOutcomeOfPregnancy',
  '64': 'eHDSICertainty',
  '9': 'eHDSIPregnancyInformation',
};

describe('the shipped catalogue over the real corpus', () => {
  it.each(Object.entries(PAGE_VALUE_SETS))('value set 42.%s (%s) is entirely in French', (number, name) => {
    const oid = `${MVC_PREFIX}${number}`;
    expect(catalogue.valueSetName(oid)).toBe(name);
    const coverage = catalogue.valueSetFrenchCoverage(oid);
    expect(coverage?.missing).toEqual([]);
    expect(coverage?.concepts).toBeGreaterThan(0);
  });

  it('shows no bare code as a term, and keeps at most 12 % of coded values in the source language', () => {
    const documents = corpusL3Documents();
    expect(documents.length).toBeGreaterThanOrEqual(27);
    const reports = documents.map((name) =>
      coverageReport(
        translateSummary(parseCdaPatientSummary(readFileSync(new URL(name, CORPUS))), catalogue),
        catalogue,
      ),
    );
    const total = corpusCoverage(reports);
    expect(total.bareCodes).toBe(0);
    expect(total.levels.original / total.values).toBeLessThanOrEqual(0.12);
    // The reference level is really used: English designations appear, French ones dominate.
    expect(total.levels.en).toBeGreaterThan(0);
    expect(total.levels.fr).toBeGreaterThan(total.levels.en);
  });

  it('reads every file of the corpus folder (none forgotten by the list)', () => {
    expect(readdirSync(CORPUS).filter((name) => name.endsWith('.xml'))).toHaveLength(29);
  });
});
