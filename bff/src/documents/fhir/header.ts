/**
 * The Composition and the resources it points to → who the summary is about and who wrote it: patient
 * (identifiers, names, birth date, gender, addresses, telecoms, languages), guardians and other contacts,
 * authors (a person, a role, an organisation or a device), custodian, legal authenticator, and the document's
 * own identity.
 */
import type {
  Address,
  Author,
  CodedValue,
  Contact,
  Identifier,
  LegalAuthenticator,
  Organisation,
  PersonName,
  SummaryHeader,
  Telecom,
} from '@sesali/shared';
import type { z } from 'zod';
import { CODE_SYSTEMS } from '../../terminology/code-systems';
import { withDocumentDisplay } from '../display';
import {
  type addressSchema,
  type contactPointSchema,
  deviceSchema,
  type FhirComposition,
  type FhirResource,
  type humanNameSchema,
  organizationSchema,
  patientSchema,
  practitionerRoleSchema,
  practitionerSchema,
} from './fhir-schemas';
import { coded, identifierOf, parseResource, type FhirContext } from './values';

export function fhirHeader(
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
      const practitioner = parseResource(practitionerSchema, resource);
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
      const role = parseResource(practitionerRoleSchema, resource);
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
      const deviceResource = parseResource(deviceSchema, resource);
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

/** A guardian's HL7 RoleClass, as the CDA header gives it (FHIR says it with the contact's relationship). */
function guardianRole(context: FhirContext): CodedValue {
  return withDocumentDisplay(
    { code: 'GUARD', codeSystem: CODE_SYSTEMS.roleClass, codeSystemName: 'RoleClass' },
    context.lang,
  );
}
