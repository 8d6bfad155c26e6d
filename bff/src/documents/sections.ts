/**
 * The sections of the eHDSI Patient Summary (DOMAIN §6), by LOINC code, and the kind of entries each holds.
 * Both the CDA and the FHIR readers place entries by these kinds; any other section is "unknown" and keeps
 * its own title and narrative.
 */
export const SECTION_KINDS = {
  '48765-2': 'allergies',
  '10160-0': 'medications',
  '11450-4': 'problems',
  '47519-4': 'procedures',
  '46264-8': 'devices',
  '11348-0': 'pastIllness',
  '11369-6': 'immunizations',
  '18776-5': 'planOfCare',
  '47420-5': 'functionalStatus',
  '29762-2': 'socialHistory',
  '10162-6': 'pregnancies',
  '8716-3': 'vitalSigns',
  '30954-2': 'results',
  '42348-3': 'advanceDirectives',
} as const;

export type SectionKind = (typeof SECTION_KINDS)[keyof typeof SECTION_KINDS];

export function sectionKind(loinc: string | undefined): SectionKind | undefined {
  return loinc !== undefined && Object.hasOwn(SECTION_KINDS, loinc)
    ? SECTION_KINDS[loinc as keyof typeof SECTION_KINDS]
    : undefined;
}
