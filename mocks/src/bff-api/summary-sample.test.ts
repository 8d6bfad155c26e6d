import { patientSummarySchema, summaryResponseSchema, type EntryType } from '@sesali/shared';
import { sampleSummaryResponse } from './summary';
import { summarySample } from './summary-sample';

/** The sections of the eHDSI Patient Summary (DOMAIN §6). */
const PATIENT_SUMMARY_SECTIONS = [
  '48765-2',
  '10160-0',
  '11450-4',
  '47519-4',
  '46264-8',
  '11348-0',
  '11369-6',
  '18776-5',
  '47420-5',
  '29762-2',
  '10162-6',
  '8716-3',
  '30954-2',
  '42348-3',
];

const allSections = [...summarySample.sections, ...summarySample.unknownSections];
const allEntries = allSections.flatMap((s) => s.entries);

describe('the Patient Summary sample of the viewer’s tests', () => {
  it('is what the BFF may send: it passes the shared contracts', () => {
    expect(patientSummarySchema.safeParse(summarySample).error).toBeUndefined();
    expect(summaryResponseSchema.safeParse(sampleSummaryResponse).error).toBeUndefined();
  });

  it('holds every section of the Patient Summary, and one the eHDSI does not define', () => {
    expect(summarySample.sections.map((s) => s.loinc).sort()).toEqual([...PATIENT_SUMMARY_SECTIONS].sort());
    expect(summarySample.unknownSections.length).toBeGreaterThan(0);
  });

  it('holds every kind of entry, and counts them all', () => {
    const kinds: EntryType[] = [
      'allergy',
      'medication',
      'problem',
      'procedure',
      'device',
      'immunization',
      'socialHistory',
      'pregnancy',
      'vitalSign',
      'result',
      'planOfCare',
      'functionalStatus',
      'advanceDirective',
      'knownAbsence',
      'other',
    ];
    expect(new Set(allEntries.map((e) => e.type))).toEqual(new Set(kinds));
    for (const section of allSections) expect(section.counts.mapped).toBe(section.entries.length);
    expect(summarySample.counts.mapped).toBe(allEntries.length);
  });

  it('has the three display levels and a missing value, as strings anywhere in it', () => {
    const json = JSON.stringify(summarySample);
    for (const level of ['fr', 'en', 'original', 'absent']) expect(json).toContain(`"level":"${level}"`);
    expect(json).toContain('"criticality":{"code":"high"');
    expect(json).toContain('<script>alert(1)</script>');
  });
});
