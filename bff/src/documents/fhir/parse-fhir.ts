/**
 * An HL7 Europe Patient Summary / IPS document Bundle (JSON bytes as received) → the same PatientSummary model
 * as a CDA: Composition sections by LOINC code, each `section.entry` reference resolved in the Bundle and
 * mapped by resource type (AllergyIntolerance, MedicationStatement + Medication, Condition, Procedure,
 * DeviceUseStatement + Device, Immunization, Observation…), the section's XHTML narrative turned into the same
 * whitelisted node tree, FHIR code system URIs turned into the OIDs the catalogue uses.
 *
 * Size-limited, shape-checked with zod; a Bundle that is not a document with a Composition first raises a
 * DocumentError. Each section reference becomes exactly one model entry ('other' when it cannot be typed).
 */
import { absenceKind } from '../absence';
import type {
  Address,
  Author,
  CodedValue,
  CodeTranslation,
  Contact,
  Entry,
  EntryOf,
  Identifier,
  LegalAuthenticator,
  ObservationValue,
  Observation,
  Organisation,
  PatientSummary,
  Period,
  PersonName,
  Quantity,
  Range,
  Ratio,
  Section,
  SummaryHeader,
  Telecom,
} from '@sesali/shared';
import type { z } from 'zod';
import { CODE_SYSTEMS } from '../../terminology/code-systems';
import { sectionTitleFr } from '@sesali/shared';
import { withDocumentDisplay, type CodedValueDraft } from '../display';
import { checkDocumentSize, DEFAULT_MAX_DOCUMENT_BYTES, DocumentError } from '../errors';
import { xhtmlNarrative, type Narrative } from '../narrative/narrative';
import { sectionKind, type SectionKind } from '../sections';
import { readXml } from '../xml/xml-tree';
import {
  CONDITION_CLINICAL_SYSTEM,
  INTENT_SYSTEMS,
  oidOfSystem,
  SNOMED_EQUIVALENTS,
  STATUS_SYSTEMS,
  type PlainCodeSystem,
} from './code-systems';
import {
  type addressSchema,
  allergyIntoleranceSchema,
  bundleSchema,
  codeableConceptSchema,
  compositionSchema,
  compositionSectionSchema,
  conditionSchema,
  type contactPointSchema,
  deviceSchema,
  deviceUseStatementSchema,
  type humanNameSchema,
  type identifierSchema,
  immunizationSchema,
  medicationSchema,
  medicationStatementSchema,
  observationSchema,
  organizationSchema,
  patientSchema,
  type periodSchema,
  plannedActivitySchema,
  practitionerRoleSchema,
  practitionerSchema,
  procedureSchema,
  type FhirCodeableConcept,
  type FhirComposition,
  type FhirCompositionSection,
  type FhirObservation,
  type FhirQuantity,
  type FhirReference,
  type FhirResource,
  type FhirValueFields,
} from './fhir-schemas';

export interface FhirParseOptions {
  maxBytes?: number;
  countryCode?: string;
}

const UDI_ROOT = '2.16.840.1.113883.3.3719';
const MAX_SECTION_DEPTH = 4;

interface FhirContext {
  lang: string;
  resolve: (reference: FhirReference | undefined) => FhirResource | undefined;
}

export function parseFhirPatientSummary(bytes: Uint8Array, options: FhirParseOptions = {}): PatientSummary {
  checkDocumentSize(bytes, options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new DocumentError('document_unreadable', `not valid UTF-8 JSON: ${errorMessage(error)}`);
  }
  const bundle = bundleSchema.safeParse(json);
  if (!bundle.success)
    throw new DocumentError('document_unreadable', `not a FHIR document Bundle: ${issues(bundle.error)}`);
  const composition = compositionSchema.safeParse(bundle.data.entry[0]?.resource);
  if (!composition.success)
    throw new DocumentError(
      'document_unreadable',
      `the Bundle's first entry is not a Composition: ${issues(composition.error)}`,
    );

  const byReference = new Map<string, FhirResource>();
  for (const entry of bundle.data.entry) {
    if (entry.fullUrl !== undefined) byReference.set(entry.fullUrl, entry.resource);
    if (entry.resource.id !== undefined)
      byReference.set(`${entry.resource.resourceType}/${entry.resource.id}`, entry.resource);
  }
  const resolve = (reference: FhirReference | undefined): FhirResource | undefined => {
    const target = reference?.reference;
    if (target === undefined) return undefined;
    return byReference.get(target) ?? byReference.get(target.split('/').slice(-2).join('/'));
  };

  const lang = composition.data.language?.trim() || bundle.data.language?.trim() || 'und';
  const context: FhirContext = { lang, resolve };
  const bundleId = bundle.data.identifier;
  const header = fhirHeader(composition.data, context, options.countryCode, identifierOf(bundleId));

  const sections: Section[] = [];
  const unknownSections: Section[] = [];
  const collect = (list: readonly unknown[] | undefined, depth: number): void => {
    for (const raw of list ?? []) {
      // Like the top-level ones (checked with the Composition), a malformed sub-section refuses the document:
      // never a partial model.
      const parsed = compositionSectionSchema.safeParse(raw);
      if (!parsed.success)
        throw new DocumentError('document_unreadable', `malformed Composition sub-section: ${issues(parsed.error)}`);
      const section = fhirSection(parsed.data, context);
      if (sectionKind(section.loinc) !== undefined) sections.push(section);
      else unknownSections.push(section);
      if (depth < MAX_SECTION_DEPTH) collect(parsed.data.section, depth + 1);
    }
  };
  collect(composition.data.section, 0);

  let seen = 0;
  let mapped = 0;
  for (const section of [...sections, ...unknownSections]) {
    seen += section.counts.seen;
    mapped += section.counts.mapped;
  }
  return { format: 'fhir', header, sections, unknownSections, counts: { seen, mapped } };
}

// -----------------------------------------------------------------------------------------------------------
// Sections and narrative

function fhirSection(section: FhirCompositionSection, context: FhirContext): Section {
  const loincCoding = section.code?.coding?.find((coding) => oidOfSystem(coding.system) === CODE_SYSTEMS.loinc);
  const loinc = loincCoding?.code;
  const kind = sectionKind(loinc);
  const references = section.entry ?? [];
  const entries = references.map((reference) => fhirEntry(reference, kind, context));
  const title = section.title ?? loincCoding?.display ?? section.code?.text ?? '';
  return {
    loinc,
    title,
    titleFr: (loinc !== undefined ? sectionTitleFr(loinc) : undefined) ?? (title || 'Section sans titre'),
    lang: context.lang,
    narrative: fhirNarrative(section.text?.div).nodes,
    entries,
    counts: { seen: references.length, mapped: entries.length },
  };
}

/** XHTML narrative → node tree; markup that does not parse is shown as its bare text, never as markup. */
export function fhirNarrative(div: string | undefined): Narrative {
  if (div === undefined || div.trim() === '') return { nodes: [], ids: new Map() };
  try {
    return xhtmlNarrative(readXml(div, { isMixedContent: () => true }));
  } catch {
    const bare = div
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return {
      nodes: bare === '' ? [] : [{ type: 'paragraph', children: [{ type: 'text', text: bare }] }],
      ids: new Map(),
    };
  }
}

// -----------------------------------------------------------------------------------------------------------
// Entries

function fhirEntry(reference: FhirReference, kind: SectionKind | undefined, context: FhirContext): Entry {
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

function parse<S extends z.ZodType>(schema: S, resource: FhirResource): z.infer<S> {
  const parsed = schema.safeParse(resource);
  if (!parsed.success) throw new Error(`invalid ${resource.resourceType}: ${issues(parsed.error)}`);
  return parsed.data;
}

/** A resource's logical id as an entry identifier (FHIR ids are not OIDs: the root only says where it comes from). */
const entryId = (resource: FhirResource): Identifier | undefined =>
  resource.id === undefined ? undefined : { root: 'urn:fhir', extension: `${resource.resourceType}/${resource.id}` };

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
  const allergyResource = parse(allergyIntoleranceSchema, resource);
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

function medication(resource: FhirResource, context: FhirContext): EntryOf<'medication'> {
  const statement = parse(medicationStatementSchema, resource);
  const referenced = context.resolve(statement.medicationReference);
  const medicationResource =
    referenced?.resourceType === 'Medication' ? parse(medicationSchema, referenced) : undefined;
  const productConcept = medicationResource?.code ?? statement.medicationCodeableConcept;
  const dosage = statement.dosage?.[0] ?? statement.dosageInstruction?.[0];
  const repeat = dosage?.timing?.repeat;
  const doseAndRate = dosage?.doseAndRate?.[0];

  const reasons: CodedValue[] = [];
  for (const reason of statement.reasonCode ?? []) {
    const value = coded(reason, context);
    if (value) reasons.push(value);
  }
  for (const reference of statement.reasonReference ?? []) {
    const condition = conditionSchema.safeParse(context.resolve(reference));
    const value = condition.success ? coded(condition.data.code, context) : undefined;
    if (value) reasons.push(value);
  }

  let frequencyPeriod: Quantity | undefined;
  if (repeat?.period !== undefined && repeat.periodUnit !== undefined) {
    const perDose = repeat.period / (repeat.frequency && repeat.frequency > 0 ? repeat.frequency : 1);
    frequencyPeriod = { value: String(Number(perDose.toPrecision(6))), unit: ucum(repeat.periodUnit, context) };
  }
  const event = repeat?.when?.[0];

  return {
    id: entryId(resource),
    type: 'medication' as const,
    product: {
      name: productConcept?.text,
      code: codedFromCodings(productConcept?.coding ?? [], undefined, context),
    },
    ingredients: (medicationResource?.ingredient ?? []).map((ingredient) => ({
      substance: coded(ingredient.itemCodeableConcept, context),
      name: ingredient.itemCodeableConcept?.text,
      strength: ratio(ingredient.strength, context),
    })),
    doseForm: coded(medicationResource?.form, context),
    route: coded(dosage?.route, context),
    dose: quantity(doseAndRate?.doseQuantity, context),
    doseRange: range(doseAndRate?.doseRange, context),
    frequency:
      frequencyPeriod || event
        ? {
            period: frequencyPeriod,
            event:
              event === undefined
                ? undefined
                : withDocumentDisplay({ code: event, codeSystem: 'http://hl7.org/fhir/event-timing' }, context.lang),
          }
        : undefined,
    dosageText: dosage?.text,
    period: period(statement.effectivePeriod, statement.effectiveDateTime ?? statement.authoredOn),
    reasons,
    status: resourceCode(statement.status, STATUS_SYSTEMS[statement.resourceType], context),
  };
}

function problem(resource: FhirResource, context: FhirContext): EntryOf<'problem'> {
  const condition = parse(conditionSchema, resource);
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
  const procedureResource = parse(procedureSchema, resource);
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
  const statement = parse(deviceUseStatementSchema, resource);
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
  const deviceResource = parse(deviceSchema, resource);
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
  const immunizationResource = parse(immunizationSchema, resource);
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

/** Observation sections whose entries are one observation each, and those whose entries are panels. */
const SINGLE_OBSERVATION_TYPES: Partial<Record<SectionKind, 'socialHistory' | 'pregnancy' | 'advanceDirective'>> = {
  socialHistory: 'socialHistory',
  pregnancies: 'pregnancy',
  advanceDirectives: 'advanceDirective',
};
const OBSERVATION_GROUP_TYPES: Partial<Record<SectionKind, 'vitalSign' | 'result' | 'functionalStatus'>> = {
  vitalSigns: 'vitalSign',
  results: 'result',
  functionalStatus: 'functionalStatus',
};

function observationEntry(
  resource: FhirResource,
  kind: SectionKind | undefined,
  context: FhirContext,
): Entry | undefined {
  if (kind === undefined) return undefined;
  const observation = parse(observationSchema, resource);
  const effectiveTime = period(observation.effectivePeriod, observation.effectiveDateTime);

  const singleType = SINGLE_OBSERVATION_TYPES[kind];
  if (singleType !== undefined)
    return {
      id: entryId(resource),
      type: singleType,
      code: requiredCoded(observation.code, context),
      value: observationValue(observation, context),
      effectiveTime,
    };

  const groupType = OBSERVATION_GROUP_TYPES[kind];
  if (groupType === undefined) return undefined;
  const interpretations = codedList(observation.interpretation, context);
  const members = (observation.hasMember ?? [])
    .map((reference) => observationSchema.safeParse(context.resolve(reference)))
    .flatMap((parsed) => (parsed.success ? [singleObservation(parsed.data, context)] : []));
  const components = (observation.component ?? []).map((component): Observation => ({
    code: requiredCoded(component.code, context),
    value: observationValue(component, context),
    interpretations: [],
    effectiveTime,
  }));
  // A blood-pressure panel (components) or a panel of referenced observations; otherwise one observation.
  const grouped = components.length > 0 || members.length > 0;
  return {
    id: entryId(resource),
    type: groupType,
    panel: grouped ? coded(observation.code, context) : undefined,
    effectiveTime,
    interpretations: grouped && interpretations.length > 0 ? interpretations : undefined,
    observations: grouped ? [...components, ...members] : [singleObservation(observation, context)],
  };
}

function singleObservation(observation: FhirObservation, context: FhirContext): Observation {
  const referenceRange = observation.referenceRange?.[0];
  return {
    id: entryId(observation),
    code: requiredCoded(observation.code, context),
    value: observationValue(observation, context),
    interpretations: codedList(observation.interpretation, context),
    referenceRange: referenceRange
      ? {
          low: quantity(referenceRange.low, context),
          high: quantity(referenceRange.high, context),
          text: referenceRange.text,
        }
      : undefined,
    effectiveTime: period(observation.effectivePeriod, observation.effectiveDateTime),
    status: resourceCode(observation.status, STATUS_SYSTEMS.Observation, context),
  };
}

function planOfCare(resource: FhirResource, context: FhirContext): EntryOf<'planOfCare'> {
  const planned = parse(plannedActivitySchema, resource);
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

// -----------------------------------------------------------------------------------------------------------
// Header

function fhirHeader(
  composition: FhirComposition,
  context: FhirContext,
  country: string | undefined,
  bundleIdentifier: Identifier | undefined,
): SummaryHeader {
  const patientResource = patientSchema.safeParse(context.resolve(composition.subject));
  const patientData = patientResource.success ? patientResource.data : undefined;
  const custodian = organisation(context.resolve(composition.custodian));

  const guardians: Contact[] = [];
  const contacts: Contact[] = [];
  for (const contact of patientData?.contact ?? []) {
    const relationship = coded(contact.relationship?.[0], context);
    const organisationResource = organizationSchema.safeParse(context.resolve(contact.organization));
    const converted: Contact = {
      relationship,
      names: contact.name ? [personName(contact.name)] : [],
      organisation: organisationResource.success ? organisationResource.data.name : undefined,
      addresses: contact.address ? [address(contact.address)] : [],
      telecoms: (contact.telecom ?? []).map(telecom),
    };
    const isGuardian = contact.relationship?.some((r) => r.coding?.some((c) => c.code === 'GUARD'));
    if (isGuardian) guardians.push({ ...converted, classCode: 'GUARD', role: guardianRole(context) });
    else contacts.push(converted);
  }

  const legal = composition.attester?.find((attester) => attester.mode === 'legal');
  const languages = (patientData?.communication ?? [])
    .map((communication) => communication.language?.coding?.[0]?.code)
    .filter((code) => code !== undefined);

  return {
    documentId: bundleIdentifier ?? identifierOf(composition.identifier),
    title: composition.title ?? '',
    creationDate: composition.date,
    language: context.lang,
    country: country ?? custodian?.addresses.find((a) => a.country)?.country ?? undefined,
    patient: {
      identifiers: (patientData?.identifier ?? []).map(identifierOf).filter((id) => id !== undefined),
      names: (patientData?.name ?? []).map(personName),
      birthDate: patientData?.birthDate,
      gender: gender(patientData?.gender, context),
      addresses: (patientData?.address ?? []).map(address),
      telecoms: (patientData?.telecom ?? []).map(telecom),
      languages,
    },
    guardians,
    contacts,
    authors: (composition.author ?? [])
      .map((reference) => author(context.resolve(reference), composition.date, context))
      .filter((a) => a !== undefined),
    custodian,
    legalAuthenticator: legal ? legalAuthenticator(context.resolve(legal.party), legal.time, context) : undefined,
  };
}

function author(
  resource: FhirResource | undefined,
  time: string | undefined,
  context: FhirContext,
): Author | undefined {
  if (!resource) return undefined;
  switch (resource.resourceType) {
    case 'Practitioner': {
      const practitioner = parse(practitionerSchema, resource);
      return {
        kind: 'person' as const,
        time,
        identifiers: (practitioner.identifier ?? []).map(identifierOf).filter((id) => id !== undefined),
        name: practitioner.name?.[0] ? personName(practitioner.name[0]) : undefined,
        addresses: (practitioner.address ?? []).map(address),
        telecoms: (practitioner.telecom ?? []).map(telecom),
      };
    }
    case 'PractitionerRole': {
      const role = parse(practitionerRoleSchema, resource);
      const person = author(context.resolve(role.practitioner), time, context);
      return {
        ...(person ?? { kind: 'person' as const, identifiers: [], addresses: [], telecoms: [] }),
        function: coded(role.code?.[0], context),
        organisation: organisation(context.resolve(role.organization)),
      };
    }
    case 'Organization': {
      const org = organisation(resource);
      return org && { kind: 'organisation', time, identifiers: [], organisation: org, addresses: [], telecoms: [] };
    }
    case 'Device': {
      const deviceResource = parse(deviceSchema, resource);
      return {
        kind: 'device' as const,
        time,
        identifiers: (deviceResource.identifier ?? []).map(identifierOf).filter((id) => id !== undefined),
        device: {
          manufacturerModelName: deviceResource.manufacturer ?? deviceResource.modelNumber,
          softwareName: deviceResource.deviceName?.[0]?.name,
        },
        addresses: [],
        telecoms: [],
      };
    }
    default:
      return undefined;
  }
}

function legalAuthenticator(
  resource: FhirResource | undefined,
  time: string | undefined,
  context: FhirContext,
): LegalAuthenticator | undefined {
  const person = author(resource, time, context);
  if (!person) return undefined;
  return { time, identifiers: person.identifiers, name: person.name, organisation: person.organisation };
}

function organisation(resource: FhirResource | undefined): Organisation | undefined {
  const parsed = organizationSchema.safeParse(resource);
  if (!parsed.success) return undefined;
  return {
    identifiers: (parsed.data.identifier ?? []).map(identifierOf).filter((id) => id !== undefined),
    name: parsed.data.name,
    addresses: (parsed.data.address ?? []).map(address),
    telecoms: (parsed.data.telecom ?? []).map(telecom),
  };
}

function personName(name: z.infer<typeof humanNameSchema>): PersonName {
  const hasParts = (name.given?.length ?? 0) > 0 || name.family !== undefined;
  return {
    given: name.given ?? [],
    family: name.family === undefined ? [] : [name.family],
    prefix: name.prefix ?? [],
    suffix: name.suffix ?? [],
    text: hasParts ? undefined : name.text,
  };
}

function address(value: z.infer<typeof addressSchema>): Address {
  return {
    use: value.use,
    lines: value.line ?? [],
    city: value.city,
    postalCode: value.postalCode,
    state: value.state,
    country: value.country,
  };
}

function telecom(value: z.infer<typeof contactPointSchema>): Telecom {
  const system =
    value.system === 'phone' || value.system === 'email' || value.system === 'fax' || value.system === 'url'
      ? value.system
      : 'other';
  return { system, value: value.value, use: value.use };
}

const GENDER_CODES = new Map([
  ['male', 'M'],
  ['female', 'F'],
  ['other', 'UN'],
]);

function gender(value: string | undefined, context: FhirContext): CodedValue | undefined {
  if (value === undefined) return undefined;
  const code = GENDER_CODES.get(value);
  if (code === undefined) return withDocumentDisplay({ nullFlavor: 'UNK' }, context.lang);
  return withDocumentDisplay(
    {
      code,
      codeSystem: CODE_SYSTEMS.administrativeGender,
      codeSystemName: 'AdministrativeGender',
      originalDisplay: value,
    },
    context.lang,
  );
}

function identifierOf(value: z.infer<typeof identifierSchema> | undefined): Identifier | undefined {
  if (value?.system === undefined && value?.value === undefined) return undefined;
  const root = oidOfSystem(value.system) ?? 'urn:unknown-system';
  return { root, extension: value.value };
}

// -----------------------------------------------------------------------------------------------------------
// Data types

function coded(concept: FhirCodeableConcept | undefined, context: FhirContext): CodedValue | undefined {
  if (!concept) return undefined;
  return codedFromCodings(concept.coding ?? [], concept.text, context);
}

function requiredCoded(
  concept: FhirCodeableConcept | undefined,
  context: FhirContext,
  fallbackText?: string,
): CodedValue {
  return (
    coded(concept, context) ??
    withDocumentDisplay(
      fallbackText === undefined ? { nullFlavor: 'NI' } : { originalText: fallbackText },
      context.lang,
    )
  );
}

function codedList(concepts: FhirCodeableConcept[] | undefined, context: FhirContext): CodedValue[] {
  return (concepts ?? []).map((concept) => coded(concept, context)).filter((value) => value !== undefined);
}

/** Codings → one coded value: the first coding of a system the catalogue knows is the code, the others are kept as translations. */
function codedFromCodings(
  codings: readonly { system?: string; code?: string; display?: string }[],
  text: string | undefined,
  context: FhirContext,
): CodedValue | undefined {
  const usable = codings.filter((coding) => coding.code !== undefined && coding.code.trim() !== '');
  const main = usable.find((coding) => oidOfSystem(coding.system) !== coding.system) ?? usable[0];
  if (!main && text === undefined) return undefined;
  const translations: CodeTranslation[] = usable
    .filter((coding) => coding !== main)
    .map((coding) => ({
      code: coding.code ?? '',
      codeSystem: oidOfSystem(coding.system) ?? '',
      displayName: coding.display,
    }));
  const draft: CodedValueDraft = {
    code: main?.code,
    codeSystem: oidOfSystem(main?.system),
    originalDisplay: main?.display,
    originalText: text,
    translations: translations.length > 0 ? translations : undefined,
  };
  return withDocumentDisplay(draft, context.lang);
}

/**
 * A resource's `status` or `intent`: a plain code in FHIR, under the code system its resource type fixes (a
 * resource type without a known system keeps the bare code, shown « Terme non fourni » with it).
 */
function resourceCode(
  code: string | undefined,
  system: PlainCodeSystem | undefined,
  context: FhirContext,
): CodedValue | undefined {
  const trimmed = code?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  return withDocumentDisplay({ code: trimmed, codeSystem: system?.oid, codeSystemName: system?.name }, context.lang);
}

/** A guardian's HL7 RoleClass, as the CDA header gives it (FHIR says it with the contact's relationship). */
function guardianRole(context: FhirContext): CodedValue {
  return withDocumentDisplay(
    { code: 'GUARD', codeSystem: CODE_SYSTEMS.roleClass, codeSystemName: 'RoleClass' },
    context.lang,
  );
}

function plainCode(code: string, codeSystem: string, context: FhirContext): CodedValue {
  return withDocumentDisplay({ code, codeSystem, originalDisplay: code }, context.lang);
}

function snomed(code: string, originalDisplay: string, context: FhirContext): CodedValue {
  return withDocumentDisplay(
    { code, codeSystem: CODE_SYSTEMS.snomed, codeSystemName: 'SNOMED CT', originalDisplay },
    context.lang,
  );
}

function ucum(unit: string, context: FhirContext): CodedValue {
  return withDocumentDisplay({ code: unit, codeSystem: CODE_SYSTEMS.ucum, codeSystemName: 'UCUM' }, context.lang);
}

function quantity(value: FhirQuantity | undefined, context: FhirContext): Quantity | undefined {
  if (!value || (value.value === undefined && value.unit === undefined)) return undefined;
  const isUcum = value.system === undefined || oidOfSystem(value.system) === CODE_SYSTEMS.ucum;
  const unitCode = isUcum ? (value.code ?? value.unit) : undefined;
  const unit =
    unitCode !== undefined
      ? withDocumentDisplay(
          { code: unitCode, codeSystem: CODE_SYSTEMS.ucum, codeSystemName: 'UCUM', originalDisplay: value.unit },
          context.lang,
        )
      : value.unit !== undefined
        ? withDocumentDisplay({ originalText: value.unit }, context.lang)
        : undefined;
  return { value: value.value === undefined ? undefined : String(value.value), unit };
}

function range(
  value: { low?: FhirQuantity; high?: FhirQuantity } | undefined,
  context: FhirContext,
): Range | undefined {
  if (!value) return undefined;
  const low = quantity(value.low, context);
  const high = quantity(value.high, context);
  return low || high ? { low, high } : undefined;
}

function ratio(
  value: { numerator?: FhirQuantity; denominator?: FhirQuantity } | undefined,
  context: FhirContext,
): Ratio | undefined {
  if (!value) return undefined;
  const numerator = quantity(value.numerator, context);
  const denominator = quantity(value.denominator, context);
  return numerator || denominator ? { numerator, denominator } : undefined;
}

function period(value: z.infer<typeof periodSchema> | undefined, dateTime?: string): Period | undefined {
  if (dateTime !== undefined) return { value: dateTime };
  if (!value || (value.start === undefined && value.end === undefined)) return undefined;
  return { start: value.start, end: value.end };
}

function observationValue(value: FhirValueFields, context: FhirContext): ObservationValue | undefined {
  if (value.valueQuantity) {
    const q = quantity(value.valueQuantity, context);
    return q && { kind: 'quantity', quantity: q };
  }
  if (value.valueCodeableConcept) {
    const c = coded(value.valueCodeableConcept, context);
    return c && { kind: 'coded', coded: c };
  }
  if (value.valueString !== undefined) return { kind: 'text', text: value.valueString };
  if (value.valueBoolean !== undefined) return { kind: 'boolean', value: value.valueBoolean };
  if (value.valueInteger !== undefined) return { kind: 'quantity', quantity: { value: String(value.valueInteger) } };
  if (value.valueRange) {
    const r = range(value.valueRange, context);
    return r && { kind: 'range', range: r };
  }
  if (value.valueRatio) {
    const r = ratio(value.valueRatio, context);
    return r && { kind: 'ratio', ratio: r };
  }
  if (value.valueDateTime !== undefined) return { kind: 'date', date: value.valueDateTime };
  if (value.valuePeriod?.start !== undefined) return { kind: 'date', date: value.valuePeriod.start };
  return undefined;
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`)
    .join('; ');
}
