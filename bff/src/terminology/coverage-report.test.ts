import { readdirSync, readFileSync } from 'node:fs';
import { parseCdaPatientSummary } from '../documents/cda/parse-cda';
import { parseFhirPatientSummary } from '../documents/fhir/parse-fhir';
import { CORPUS, corpusL3Documents } from '../documents/testing/corpus';
import { readFixture } from '../documents/testing/fixtures';
import { translateSummary } from '../documents/translate';
import { corpusCoverage, coverageReport } from './coverage-report';
import { loadTerminology } from './load';
import { PAGE_VALUE_SETS } from './page-value-sets';

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

describe('the shipped catalogue over the real corpus', () => {
  it.each(Object.entries(PAGE_VALUE_SETS))('value set %s (%s) is entirely in French', (oid, name) => {
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
