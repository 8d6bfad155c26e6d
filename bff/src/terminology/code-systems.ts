/**
 * Code system OIDs the documents and the catalogue use, and the aliases under which the same system arrives.
 * Lookups go through `canonicalCodeSystem`, so a code matches whichever alias the document or the catalogue
 * wrote.
 */
export const CODE_SYSTEMS = {
  loinc: '2.16.840.1.113883.6.1',
  snomed: '2.16.840.1.113883.6.96',
  icd10: '2.16.840.1.113883.6.3',
  atc: '2.16.840.1.113883.6.73',
  edqm: '0.4.0.127.0.16.1.1.2.1',
  ucum: '2.16.840.1.113883.6.8',
  nullFlavor: '2.16.840.1.113883.5.1008',
  administrativeGender: '2.16.840.1.113883.5.1',
  actCode: '2.16.840.1.113883.5.4',
  observationInterpretation: '2.16.840.1.113883.5.83',
  /** IPS absent and unknown data: "no known allergies", "no information about medications"… */
  absentOrUnknown: '2.16.840.1.113883.5.1150.1',
  allergyCriticality: '2.16.840.1.113883.4.642.4.130',
  allergyVerificationStatus: '2.16.840.1.113883.4.642.4.1371',
  allergyClinicalStatus: '2.16.840.1.113883.4.642.4.1373',
} as const;

const ALIASES: ReadonlyMap<string, string> = new Map([
  // eHDSI's own OID for ICD-10, used by several countries' pivot documents.
  ['1.3.6.1.4.1.12559.11.10.1.3.1.44.2', CODE_SYSTEMS.icd10],
]);

export function canonicalCodeSystem(codeSystem: string): string {
  const trimmed = codeSystem.trim();
  const oid = trimmed.startsWith('urn:oid:') ? trimmed.slice(8) : trimmed;
  return ALIASES.get(oid) ?? oid;
}
