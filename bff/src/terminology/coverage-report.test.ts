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

const mvc = (number: number): string => `${MVC_PREFIX}${number}`;

// The value sets that shape the page: each must be entirely in French with the shipped catalogue alone.
const PAGE_VALUE_SETS: Record<string, string> = {
  [mvc(2)]: 'eHDSIDoseForm',
  [mvc(9)]: 'eHDSIPregnancyInformation',
  [mvc(11)]: 'eHDSIReactionAllergy',
  [mvc(12)]: 'eHDSIRouteofAdministration',
  [mvc(13)]: 'eHDSISeverity',
  [mvc(14)]: 'eHDSISocialHistory',
  [mvc(15)]: 'eHDSIStatusCode',
  [mvc(16)]: 'eHDSIUnit',
  [mvc(18)]: 'eHDSIAdverseEventType',
  [mvc(20)]: 'eHDSIBloodGroup',
  [mvc(26)]: 'eHDSISection',
  [mvc(30)]: 'eHDSIResolutionOutcome',
  [mvc(37)]: 'eHDSINullFlavor',
  [mvc(39)]: 'eHDSIRoleClass',
  [mvc(46)]: 'eHDSIDisplayLabel',
  [mvc(47)]: 'eHDSIAbsentOrUnknownAllergy',
  [mvc(48)]: 'eHDSIAbsentOrUnknownDevice',
  [mvc(49)]: 'eHDSIAbsentOrUnknownMedication',
  [mvc(50)]: 'eHDSIAbsentOrUnknownProblem',
  [mvc(51)]: 'eHDSIAbsentOrUnknownProcedure',
  [mvc(56)]: 'eHDSIQuantityUnit',
  [mvc(57)]: 'eHDSICriticality',
  [mvc(58)]: 'eHDSIAllergyCertainty',
  [mvc(59)]: 'eHDSIAllergyStatus',
  [mvc(60)]: 'eHDSICurrentPregnancyStatus',
  [mvc(62)]: 'eHDSIOutcomeOfPregnancy',
  [mvc(64)]: 'eHDSICertainty',
  // The project's own: the HL7 and FHIR statuses, moods and intents, and contact role classes.
  '2.25.68538609710554954479772118899481831104': 'SesaliActStatus',
  '2.25.73918302111435523923680171934122680620': 'SesaliActMood',
  '2.25.92251722811016728233456567377392169200': 'SesaliRoleClassContact',
  '2.25.45365975578735586033194354352448375437': 'SesaliFhirStatus',
  '2.25.57612010174180123280064949238804773363': 'SesaliFhirIntent',
};

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
