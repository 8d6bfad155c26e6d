/**
 * The sections of the eHDSI Patient Summary (DOMAIN §6), written once: their LOINC code, the kind of entries
 * each holds (the CDA and FHIR readers place entries by it), and their French name, in the reference display
 * tool's order (the SPA's order). Any other section is "unknown" and keeps its own title and narrative. The
 * catalogue's eHDSISection designations (42.26) win over these names where they exist.
 */
export const PATIENT_SUMMARY_SECTIONS = [
  { loinc: '48765-2', kind: 'allergies', titleFr: 'Allergies et réactions indésirables' },
  { loinc: '10160-0', kind: 'medications', titleFr: 'Traitements médicamenteux' },
  { loinc: '11450-4', kind: 'problems', titleFr: 'Liste des problèmes actifs' },
  { loinc: '47519-4', kind: 'procedures', titleFr: 'Antécédents chirurgicaux et actes' },
  { loinc: '46264-8', kind: 'devices', titleFr: 'Dispositifs médicaux' },
  { loinc: '11348-0', kind: 'pastIllness', titleFr: 'Antécédents médicaux' },
  { loinc: '11369-6', kind: 'immunizations', titleFr: 'Vaccinations' },
  { loinc: '18776-5', kind: 'planOfCare', titleFr: 'Plan de soins' },
  { loinc: '47420-5', kind: 'functionalStatus', titleFr: 'Évaluation de l’état fonctionnel' },
  { loinc: '29762-2', kind: 'socialHistory', titleFr: 'Mode de vie' },
  { loinc: '10162-6', kind: 'pregnancies', titleFr: 'Antécédents obstétricaux' },
  { loinc: '8716-3', kind: 'vitalSigns', titleFr: 'Signes vitaux' },
  { loinc: '30954-2', kind: 'results', titleFr: 'Résultats d’examens complémentaires' },
  { loinc: '42348-3', kind: 'advanceDirectives', titleFr: 'Directives anticipées' },
] as const;

type SectionDefinition = (typeof PATIENT_SUMMARY_SECTIONS)[number];
export type SectionKind = SectionDefinition['kind'];

const byLoinc: ReadonlyMap<string, SectionDefinition> = new Map(
  PATIENT_SUMMARY_SECTIONS.map((section) => [section.loinc, section]),
);

/** The LOINC code of each kind of section. */
export const SECTION_LOINC = Object.fromEntries(
  PATIENT_SUMMARY_SECTIONS.map((section) => [section.kind, section.loinc]),
) as Record<SectionKind, string>;

export const sectionKind = (loinc: string | undefined): SectionKind | undefined =>
  loinc === undefined ? undefined : byLoinc.get(loinc)?.kind;

export const sectionTitleFr = (loinc: string): string | undefined => byLoinc.get(loinc)?.titleFr;

/** A section's rank in the display order; any other section comes after all of them. */
export function sectionRank(loinc: string | undefined): number {
  const index = PATIENT_SUMMARY_SECTIONS.findIndex((section) => section.loinc === loinc);
  return index === -1 ? PATIENT_SUMMARY_SECTIONS.length : index;
}
