/**
 * FHIR code system URIs → the OIDs the CDA documents and the terminology catalogue use, so a FHIR code and
 * the same CDA code meet the same designation. An unknown URI is kept as it is (the code is never lost; it is
 * shown « non traduit »).
 */
import { CODE_SYSTEMS } from '../../terminology/code-systems';

const FHIR_SYSTEM_OIDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'http://snomed.info/sct': CODE_SYSTEMS.snomed,
    'http://loinc.org': CODE_SYSTEMS.loinc,
    'http://hl7.org/fhir/sid/icd-10': CODE_SYSTEMS.icd10,
    'http://www.whocc.no/atc': CODE_SYSTEMS.atc,
    'http://standardterms.edqm.eu': CODE_SYSTEMS.edqm,
    'http://unitsofmeasure.org': CODE_SYSTEMS.ucum,
    'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical': CODE_SYSTEMS.allergyClinicalStatus,
    'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification': CODE_SYSTEMS.allergyVerificationStatus,
    'http://hl7.org/fhir/allergy-intolerance-criticality': CODE_SYSTEMS.allergyCriticality,
    'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation': CODE_SYSTEMS.observationInterpretation,
    'http://terminology.hl7.org/CodeSystem/v3-NullFlavor': CODE_SYSTEMS.nullFlavor,
    'http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender': CODE_SYSTEMS.administrativeGender,
    'http://terminology.hl7.org/CodeSystem/v3-ActCode': CODE_SYSTEMS.actCode,
    'http://terminology.hl7.org/CodeSystem/v3-RoleCode': '2.16.840.1.113883.5.111',
    'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips': CODE_SYSTEMS.absentOrUnknown,
    'http://hl7.org/fhir/event-status': CODE_SYSTEMS.fhirEventStatus,
    'http://hl7.org/fhir/CodeSystem/medication-statement-status': CODE_SYSTEMS.fhirMedicationStatementStatus,
    'http://hl7.org/fhir/CodeSystem/medicationrequest-status': CODE_SYSTEMS.fhirMedicationRequestStatus,
    'http://hl7.org/fhir/device-statement-status': CODE_SYSTEMS.fhirDeviceStatementStatus,
    'http://hl7.org/fhir/observation-status': CODE_SYSTEMS.fhirObservationStatus,
    'http://hl7.org/fhir/request-status': CODE_SYSTEMS.fhirRequestStatus,
    'http://hl7.org/fhir/appointmentstatus': CODE_SYSTEMS.fhirAppointmentStatus,
    'http://hl7.org/fhir/request-intent': CODE_SYSTEMS.fhirRequestIntent,
    'http://hl7.org/fhir/CodeSystem/medicationrequest-intent': CODE_SYSTEMS.fhirMedicationRequestIntent,
  }),
);

export interface PlainCodeSystem {
  oid: string;
  name: string;
}

/**
 * The code system of a resource's `status`, a plain code in FHIR whose system its resource type fixes (FHIR R4
 * bindings): so that « completed » of a Procedure and of a MedicationStatement each meet their own designation.
 */
export const STATUS_SYSTEMS: Readonly<Partial<Record<string, PlainCodeSystem>>> = {
  MedicationStatement: { oid: CODE_SYSTEMS.fhirMedicationStatementStatus, name: 'MedicationStatementStatus' },
  MedicationRequest: { oid: CODE_SYSTEMS.fhirMedicationRequestStatus, name: 'MedicationRequestStatus' },
  Procedure: { oid: CODE_SYSTEMS.fhirEventStatus, name: 'EventStatus' },
  Immunization: { oid: CODE_SYSTEMS.fhirEventStatus, name: 'EventStatus' },
  DeviceUseStatement: { oid: CODE_SYSTEMS.fhirDeviceStatementStatus, name: 'DeviceUseStatementStatus' },
  Observation: { oid: CODE_SYSTEMS.fhirObservationStatus, name: 'ObservationStatus' },
  CarePlan: { oid: CODE_SYSTEMS.fhirRequestStatus, name: 'RequestStatus' },
  ServiceRequest: { oid: CODE_SYSTEMS.fhirRequestStatus, name: 'RequestStatus' },
  Appointment: { oid: CODE_SYSTEMS.fhirAppointmentStatus, name: 'AppointmentStatus' },
};

/** The code system of a request's `intent` (the CDA moodCode's counterpart), by resource type. */
export const INTENT_SYSTEMS: Readonly<Partial<Record<string, PlainCodeSystem>>> = {
  MedicationRequest: { oid: CODE_SYSTEMS.fhirMedicationRequestIntent, name: 'MedicationRequestIntent' },
  CarePlan: { oid: CODE_SYSTEMS.fhirRequestIntent, name: 'RequestIntent' },
  ServiceRequest: { oid: CODE_SYSTEMS.fhirRequestIntent, name: 'RequestIntent' },
};

export function oidOfSystem(system: string | undefined): string | undefined {
  if (system === undefined) return undefined;
  if (system.startsWith('urn:oid:')) return system.slice('urn:oid:'.length);
  return FHIR_SYSTEM_OIDS.get(system) ?? system;
}

/** FHIR plain codes whose CDA counterpart is a SNOMED CT concept of an eHDSI value set. */
export const SNOMED_EQUIVALENTS = {
  /** AllergyIntolerance.type → eHDSIAdverseEventType. */
  allergyType: { allergy: '609328004', intolerance: '782197009' },
  /** AllergyIntolerance.reaction.severity → eHDSISeverity. */
  severity: { mild: '255604002', moderate: '6736007', severe: '24484000' },
  /** Condition.clinicalStatus → eHDSIStatusCode. */
  conditionClinicalStatus: {
    active: '55561003',
    recurrence: '255227004',
    relapse: '255227004',
    inactive: '73425007',
    resolved: '413322009',
  },
} as const;

export const CONDITION_CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
