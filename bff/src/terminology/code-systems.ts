/**
 * Code system OIDs the documents and the catalogue use, the aliases under which the same system arrives, and
 * the names a clinician knows them by. Lookups go through `canonicalCodeSystem`, so a code matches whichever
 * alias the document or the catalogue wrote — and only within its own system: a code is never looked up
 * alone. Every alias is documented in docs/terminology.md with where it was seen.
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
  actStatus: '2.16.840.1.113883.5.14',
  actMood: '2.16.840.1.113883.5.1001',
  roleClass: '2.16.840.1.113883.5.110',
  observationInterpretation: '2.16.840.1.113883.5.83',
  timingEvent: '2.16.840.1.113883.5.139',
  /** HL7 v3 ObservationValue: criticality CRITH/CRITL/CRITU. */
  observationValue: '2.16.840.1.113883.5.1063',
  /** IPS absent and unknown data: "no known allergies", "no information about medications"… */
  absentOrUnknown: '2.16.840.1.113883.5.1150.1',
  allergyCriticality: '2.16.840.1.113883.4.642.4.130',
  allergyVerificationStatus: '2.16.840.1.113883.4.642.4.1371',
  allergyClinicalStatus: '2.16.840.1.113883.4.642.4.1373',
  ihePccActCode: '1.3.6.1.4.1.19376.1.5.3.2',
  // The `status` and `intent` of FHIR R4 resources (plain codes in FHIR), under their code systems' OIDs.
  fhirEventStatus: '2.16.840.1.113883.4.642.4.110',
  fhirMedicationStatementStatus: '2.16.840.1.113883.4.642.4.1379',
  fhirMedicationRequestStatus: '2.16.840.1.113883.4.642.4.1377',
  fhirDeviceStatementStatus: '2.16.840.1.113883.4.642.4.215',
  fhirObservationStatus: '2.16.840.1.113883.4.642.4.401',
  fhirRequestStatus: '2.16.840.1.113883.4.642.4.112',
  fhirAppointmentStatus: '2.16.840.1.113883.4.642.4.485',
  fhirRequestIntent: '2.16.840.1.113883.4.642.4.114',
  fhirMedicationRequestIntent: '2.16.840.1.113883.4.642.4.1378',
} as const;

/**
 * Other OIDs for the same code system, as member states send them. Each one's origin is in
 * docs/terminology.md; a new one goes there too.
 */
export const CODE_SYSTEM_ALIASES: ReadonlyMap<string, string> = new Map([
  // epSOS-era eHDSI OIDs: "epsos-codesystem2-1" for EDQM routes and dose forms, and the eHDSI ICD-10 OID
  // that the MVC itself uses for its illnesses and disorders (42.5).
  ['1.3.6.1.4.1.12559.11.10.1.3.1.44.1', CODE_SYSTEMS.edqm],
  ['1.3.6.1.4.1.12559.11.10.1.3.1.44.2', CODE_SYSTEMS.icd10],
  // A misspelt IHE PCC ActCode OID (1.3.5 for 1.3.6) carried by several epSOS-wave Maltese documents.
  ['1.3.5.1.4.1.19376.1.5.3.2', CODE_SYSTEMS.ihePccActCode],
]);

/** Names of code systems, for a code shown without its term (« Terme non fourni — code E03, CIM-10 »). */
const CODE_SYSTEM_NAMES: ReadonlyMap<string, string> = new Map([
  [CODE_SYSTEMS.loinc, 'LOINC'],
  [CODE_SYSTEMS.snomed, 'SNOMED CT'],
  [CODE_SYSTEMS.icd10, 'CIM-10'],
  [CODE_SYSTEMS.atc, 'ATC'],
  [CODE_SYSTEMS.edqm, 'EDQM Standard Terms'],
  [CODE_SYSTEMS.ucum, 'UCUM'],
  [CODE_SYSTEMS.nullFlavor, 'HL7 NullFlavor'],
  [CODE_SYSTEMS.administrativeGender, 'HL7 AdministrativeGender'],
  [CODE_SYSTEMS.actCode, 'HL7 ActCode'],
  [CODE_SYSTEMS.actStatus, 'HL7 ActStatus'],
  [CODE_SYSTEMS.actMood, 'HL7 ActMood'],
  [CODE_SYSTEMS.roleClass, 'HL7 RoleClass'],
  [CODE_SYSTEMS.fhirEventStatus, 'FHIR EventStatus'],
  [CODE_SYSTEMS.fhirMedicationStatementStatus, 'FHIR MedicationStatementStatus'],
  [CODE_SYSTEMS.fhirMedicationRequestStatus, 'FHIR MedicationRequestStatus'],
  [CODE_SYSTEMS.fhirDeviceStatementStatus, 'FHIR DeviceUseStatementStatus'],
  [CODE_SYSTEMS.fhirObservationStatus, 'FHIR ObservationStatus'],
  [CODE_SYSTEMS.fhirRequestStatus, 'FHIR RequestStatus'],
  [CODE_SYSTEMS.fhirAppointmentStatus, 'FHIR AppointmentStatus'],
  [CODE_SYSTEMS.fhirRequestIntent, 'FHIR RequestIntent'],
  [CODE_SYSTEMS.fhirMedicationRequestIntent, 'FHIR MedicationRequestIntent'],
  [CODE_SYSTEMS.observationInterpretation, 'HL7 ObservationInterpretation'],
  [CODE_SYSTEMS.absentOrUnknown, 'IPS Absent and Unknown Data'],
  ['1.3.6.1.4.1.12559.11.10.1.3.1.44.5', 'Orphanet'],
  ['1.3.6.1.4.1.12559.11.10.1.3.1.44.6', 'eHDSI Procedure'],
  ['2.16.840.1.113883.6.88', 'RxNorm'],
  ['2.16.840.1.113883.6.2', 'CIM-9-MC'],
  ['2.16.840.1.113883.6.101', 'NUCC'],
  ['2.16.840.1.113883.2.9.6.2.7', 'ISCO-08'],
]);

export function canonicalCodeSystem(codeSystem: string): string {
  const trimmed = codeSystem.trim();
  const oid = trimmed.startsWith('urn:oid:') ? trimmed.slice(8) : trimmed;
  return CODE_SYSTEM_ALIASES.get(oid) ?? oid;
}

/** The name to show for a code system: a known one, else the document's codeSystemName, else the OID. */
export function codeSystemLabel(codeSystem: string | undefined, documentName?: string): string | undefined {
  const known = codeSystem === undefined ? undefined : CODE_SYSTEM_NAMES.get(canonicalCodeSystem(codeSystem));
  const named = documentName?.trim();
  return known ?? (named === undefined || named === '' ? codeSystem?.trim() : named);
}
