/**
 * A Composition section's `entry` reference → a typed model entry: the reference resolved in the Bundle, then
 * read by resource type and by the section it sits in (a MedicationRequest is a medication in the medication
 * summary, a planned activity in the plan of care). Whatever cannot be typed — an unresolved reference, an
 * unexpected resource, a resource of the wrong shape — becomes an 'other' entry with what could be read: one
 * model entry per reference, always.
 */
import type { CodedValue, Entry, EntryOf, Identifier } from '@sesali/shared';
import { CODE_SYSTEMS } from '../../terminology/code-systems';
import { absenceKind } from '../absence';
import type { SectionKind } from '../sections';
import {
  CONDITION_CLINICAL_SYSTEM,
  INTENT_SYSTEMS,
  oidOfSystem,
  SNOMED_EQUIVALENTS,
  STATUS_SYSTEMS,
} from './code-systems';
import {
  allergyIntoleranceSchema,
  codeableConceptSchema,
  conditionSchema,
  deviceSchema,
  deviceUseStatementSchema,
  immunizationSchema,
  observationSchema,
  plannedActivitySchema,
  procedureSchema,
  type FhirCodeableConcept,
  type FhirReference,
  type FhirResource,
} from './fhir-schemas';
import { medication } from './medication';
import { observationEntry } from './observations';
import {
  coded,
  codedFromCodings,
  entryId,
  errorMessage,
  identifierOf,
  observationValue,
  parseResource,
  period,
  plainCode,
  requiredCoded,
  resourceCode,
  snomed,
  type FhirContext,
} from './values';

/** The FDA's UDI root, for a UDI whose issuer the document does not give. */
const UDI_ROOT = '2.16.840.1.113883.3.3719';

export function fhirEntry(reference: FhirReference, kind: SectionKind | undefined, context: FhirContext): Entry {
  const resource = context.resolve(reference);
  if (!resource)
    return {
      type: 'other' as const,
      element: 'reference',
      reason: `reference ${JSON.stringify(reference.reference ?? null)} not found in the Bundle`,
      text: reference.display,
    };
  try {
    const absence = knownAbsence(resource, context);
    if (absence) return absence;
    const mapped = byResource(resource, kind, context);
    if (mapped) return mapped;
  } catch (error) {
    return otherEntry(resource, `could not be read (${errorMessage(error).slice(0, 200)})`, context);
  }
  return otherEntry(
    resource,
    kind === undefined ? 'entry of a section of unknown kind' : `${resource.resourceType} is not a ${kind} entry`,
    context,
  );
}

function byResource(resource: FhirResource, kind: SectionKind | undefined, context: FhirContext): Entry | undefined {
  switch (resource.resourceType) {
    case 'AllergyIntolerance':
      return allergy(resource, context);
    case 'MedicationStatement':
    case 'MedicationRequest':
      return kind === 'planOfCare' ? planOfCare(resource, context) : medication(resource, context);
    case 'Condition':
      return problem(resource, context);
    case 'Procedure':
      return kind === 'planOfCare' ? planOfCare(resource, context) : procedure(resource, context);
    case 'DeviceUseStatement':
      return deviceUse(resource, context);
    case 'Device':
      return device(resource, undefined, context);
    case 'Immunization':
      return immunization(resource, context);
    case 'Observation':
      return observationEntry(resource, kind, context);
    case 'CarePlan':
    case 'ServiceRequest':
    case 'Appointment':
    case 'ImmunizationRecommendation':
      return kind === 'planOfCare' ? planOfCare(resource, context) : undefined;
    default:
      return undefined;
  }
}

function knownAbsence(resource: FhirResource, context: FhirContext): EntryOf<'knownAbsence'> | undefined {
  const candidates: unknown[] = [
    (resource as { code?: unknown }).code,
    (resource as { medicationCodeableConcept?: unknown }).medicationCodeableConcept,
    (resource as { type?: unknown }).type,
  ];
  for (const candidate of candidates) {
    const concept = codeableConceptSchema.safeParse(candidate);
    if (!concept.success) continue;
    for (const coding of concept.data.coding ?? []) {
      const absence = absenceKind(oidOfSystem(coding.system), coding.code);
      if (absence === undefined) continue;
      const code = codedFromCodings([coding], concept.data.text, context);
      if (code) return { id: entryId(resource), type: 'knownAbsence' as const, absence, code };
    }
  }
  return undefined;
}

function allergy(resource: FhirResource, context: FhirContext): EntryOf<'allergy'> {
  const allergyResource = parseResource(allergyIntoleranceSchema, resource);
  const reactions = (allergyResource.reaction ?? []).flatMap((reaction) => {
    const severityCode = reaction.severity as keyof typeof SNOMED_EQUIVALENTS.severity | undefined;
    const severity =
      severityCode !== undefined && Object.hasOwn(SNOMED_EQUIVALENTS.severity, severityCode)
        ? snomed(SNOMED_EQUIVALENTS.severity[severityCode], severityCode, context)
        : undefined;
    return (reaction.manifestation ?? []).map((manifestation) => ({
      manifestation: requiredCoded(manifestation, context),
      severity,
      onset: reaction.onset,
    }));
  });
  const typeCode = allergyResource.type as keyof typeof SNOMED_EQUIVALENTS.allergyType | undefined;
  return {
    id: entryId(resource),
    type: 'allergy' as const,
    allergyType:
      typeCode !== undefined && Object.hasOwn(SNOMED_EQUIVALENTS.allergyType, typeCode)
        ? snomed(SNOMED_EQUIVALENTS.allergyType[typeCode], typeCode, context)
        : undefined,
    agent: coded(allergyResource.code, context),
    agentName: allergyResource.code?.text,
    reactions,
    criticality:
      allergyResource.criticality === undefined
        ? undefined
        : plainCode(allergyResource.criticality, CODE_SYSTEMS.allergyCriticality, context),
    status: coded(allergyResource.clinicalStatus, context),
    certainty: coded(allergyResource.verificationStatus, context),
    onset: allergyResource.onsetDateTime ?? allergyResource.onsetPeriod?.start,
    end: allergyResource.onsetPeriod?.end,
  };
}

function problem(resource: FhirResource, context: FhirContext): EntryOf<'problem'> {
  const condition = parseResource(conditionSchema, resource);
  const statusCoding = condition.clinicalStatus?.coding?.find((c) => c.system === CONDITION_CLINICAL_SYSTEM);
  const statusCode = statusCoding?.code as keyof typeof SNOMED_EQUIVALENTS.conditionClinicalStatus | undefined;
  const status =
    statusCode !== undefined && Object.hasOwn(SNOMED_EQUIVALENTS.conditionClinicalStatus, statusCode)
      ? snomed(SNOMED_EQUIVALENTS.conditionClinicalStatus[statusCode], statusCoding?.display ?? statusCode, context)
      : coded(condition.clinicalStatus, context);
  return {
    id: entryId(resource),
    type: 'problem' as const,
    code: requiredCoded(condition.code, context),
    onset: condition.onsetDateTime ?? condition.onsetPeriod?.start,
    resolution: condition.abatementDateTime ?? condition.abatementPeriod?.end,
    status,
  };
}

function procedure(resource: FhirResource, context: FhirContext): EntryOf<'procedure'> {
  const procedureResource = parseResource(procedureSchema, resource);
  const targetSites = (procedureResource.bodySite ?? [])
    .map((site) => coded(site, context))
    .filter((site) => site !== undefined);
  return {
    id: entryId(resource),
    type: 'procedure' as const,
    code: requiredCoded(procedureResource.code, context),
    date: period(procedureResource.performedPeriod, procedureResource.performedDateTime),
    status: resourceCode(procedureResource.status, STATUS_SYSTEMS.Procedure, context),
    targetSites: targetSites.length > 0 ? targetSites : undefined,
  };
}

function deviceUse(resource: FhirResource, context: FhirContext): EntryOf<'device'> | undefined {
  const statement = parseResource(deviceUseStatementSchema, resource);
  const deviceResource = context.resolve(statement.device);
  if (deviceResource?.resourceType !== 'Device') return undefined;
  const status = resourceCode(statement.status, STATUS_SYSTEMS.DeviceUseStatement, context);
  const entry = device(deviceResource, status, context);
  return {
    ...entry,
    id: entryId(resource),
    period: period(statement.timingPeriod, statement.timingDateTime),
  };
}

function device(resource: FhirResource, status: CodedValue | undefined, context: FhirContext): EntryOf<'device'> {
  const deviceResource = parseResource(deviceSchema, resource);
  const identifiers: Identifier[] = [];
  for (const carrier of deviceResource.udiCarrier ?? []) {
    const value = carrier.carrierHRF ?? carrier.deviceIdentifier;
    if (value !== undefined) identifiers.push({ root: oidOfSystem(carrier.issuer) ?? UDI_ROOT, extension: value });
  }
  for (const id of deviceResource.identifier ?? []) {
    const converted = identifierOf(id);
    if (converted) identifiers.push(converted);
  }
  return {
    id: entryId(resource),
    type: 'device' as const,
    code: requiredCoded(deviceResource.type, context, deviceResource.deviceName?.[0]?.name),
    identifiers,
    status,
  };
}

function immunization(resource: FhirResource, context: FhirContext): EntryOf<'immunization'> {
  const immunizationResource = parseResource(immunizationSchema, resource);
  const dose = immunizationResource.protocolApplied?.[0];
  return {
    id: entryId(resource),
    type: 'immunization' as const,
    vaccine: requiredCoded(immunizationResource.vaccineCode, context),
    productName: immunizationResource.vaccineCode?.text,
    date: immunizationResource.occurrenceDateTime ?? immunizationResource.occurrenceString,
    doseNumber: dose?.doseNumberPositiveInt !== undefined ? String(dose.doseNumberPositiveInt) : dose?.doseNumberString,
    lotNumber: immunizationResource.lotNumber,
    route: coded(immunizationResource.route, context),
    status: resourceCode(immunizationResource.status, STATUS_SYSTEMS.Immunization, context),
    notGiven: immunizationResource.status === 'not-done' ? true : undefined,
  };
}

function planOfCare(resource: FhirResource, context: FhirContext): EntryOf<'planOfCare'> {
  const planned = parseResource(plannedActivitySchema, resource);
  const concept =
    planned.code ??
    (resource as { medicationCodeableConcept?: FhirCodeableConcept }).medicationCodeableConcept ??
    planned.activity?.find((activity) => activity.detail?.code)?.detail?.code ??
    planned.category?.[0];
  return {
    id: entryId(resource),
    type: 'planOfCare' as const,
    code: requiredCoded(concept, context),
    effectiveTime: period(planned.occurrencePeriod ?? planned.period, planned.occurrenceDateTime),
    status: resourceCode(planned.status, STATUS_SYSTEMS[resource.resourceType], context),
    mood: resourceCode(planned.intent, INTENT_SYSTEMS[resource.resourceType], context),
    activity: resource.resourceType,
  };
}

function otherEntry(resource: FhirResource, reason: string, context: FhirContext): EntryOf<'other'> {
  const concept = codeableConceptSchema.safeParse((resource as { code?: unknown }).code);
  const observation = resource.resourceType === 'Observation' ? observationSchema.safeParse(resource) : undefined;
  return {
    id: entryId(resource),
    type: 'other' as const,
    element: resource.resourceType,
    reason,
    code: concept.success ? coded(concept.data, context) : undefined,
    value: observation?.success ? observationValue(observation.data, context) : undefined,
  };
}
