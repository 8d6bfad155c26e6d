/**
 * The CDA header → who the summary is about and who wrote it: patient (identifiers, names, birth date,
 * gender, addresses, telecoms, languages), guardians and other contacts, authors (a person or a device, and
 * their organisation), custodian, legal authenticator, and the document's own identity.
 */
import type {
  Address,
  Author,
  CodedValue,
  Contact,
  LegalAuthenticator,
  Organisation,
  Patient,
  PersonName,
  SummaryHeader,
  Telecom,
} from '@sesali/shared';
import { CODE_SYSTEMS } from '../../terminology/code-systems';
import type { XmlElement } from '../xml/xml-tree';
import { attr, child, children, elementChildren, path, text } from './cda-dom';
import { codedValue, date, hl7VocabularyCode, identifier, identifiers, type CdaContext } from './values';

export function cdaHeader(document: XmlElement, context: CdaContext, country: string | undefined): SummaryHeader {
  const patientRole = path(document, 'recordTarget', 'patientRole');
  const patientElement = child(patientRole, 'patient');
  const custodian = organisation(path(document, 'custodian', 'assignedCustodian', 'representedCustodianOrganization'));

  const contacts: Contact[] = [];
  for (const participant of children(document, 'participant')) {
    const entity = child(participant, 'associatedEntity');
    if (!entity) continue;
    const classCode = attr(entity, 'classCode');
    contacts.push({
      relationship: codedValue(child(entity, 'code'), context),
      function: codedValue(child(participant, 'functionCode'), context),
      classCode,
      role: roleClass(classCode, context),
      names: names(child(entity, 'associatedPerson')),
      organisation: text(path(entity, 'scopingOrganization', 'name')),
      addresses: addresses(entity),
      telecoms: telecoms(entity),
    });
  }

  return {
    documentId: identifier(child(document, 'id')),
    title: text(child(document, 'title')) ?? '',
    creationDate: date(child(document, 'effectiveTime')),
    language: context.lang,
    country: country ?? custodian?.addresses.find((a) => a.country)?.country ?? undefined,
    patient: patient(patientRole, patientElement, context),
    guardians: children(patientElement, 'guardian').map((guardian) => guardianContact(guardian, context)),
    contacts,
    authors: children(document, 'author').map((author) => authorOf(author, context)),
    custodian,
    legalAuthenticator: legalAuthenticator(child(document, 'legalAuthenticator')),
  };
}

function patient(role: XmlElement | undefined, element: XmlElement | undefined, context: CdaContext): Patient {
  const languages: string[] = [];
  for (const communication of children(element, 'languageCommunication')) {
    const code = attr(child(communication, 'languageCode'), 'code');
    if (code !== undefined) languages.push(code);
  }
  return {
    identifiers: identifiers(role),
    names: names(element),
    birthDate: date(child(element, 'birthTime')),
    gender: codedValue(child(element, 'administrativeGenderCode'), context),
    addresses: addresses(role),
    telecoms: telecoms(role),
    languages,
  };
}

/** The HL7 RoleClass of a guardian or a contact (GUARD, ECON, NOK, PRS…), to be translated. */
function roleClass(classCode: string | undefined, context: CdaContext): CodedValue | undefined {
  return hl7VocabularyCode(classCode, CODE_SYSTEMS.roleClass, 'RoleClass', context);
}

function guardianContact(guardian: XmlElement, context: CdaContext): Contact {
  const classCode = attr(guardian, 'classCode') ?? 'GUARD';
  return {
    relationship: codedValue(child(guardian, 'code'), context),
    classCode,
    role: roleClass(classCode, context),
    names: names(child(guardian, 'guardianPerson')),
    organisation: text(path(guardian, 'guardianOrganization', 'name')),
    addresses: addresses(guardian),
    telecoms: telecoms(guardian),
  };
}

function authorOf(author: XmlElement, context: CdaContext): Author {
  const assigned = child(author, 'assignedAuthor');
  const person = child(assigned, 'assignedPerson');
  const device = child(assigned, 'assignedAuthoringDevice');
  return {
    kind: device && !person ? ('device' as const) : ('person' as const),
    time: date(child(author, 'time')),
    identifiers: identifiers(assigned),
    name: names(person)[0],
    device: device
      ? {
          manufacturerModelName: text(child(device, 'manufacturerModelName')),
          softwareName: text(child(device, 'softwareName')),
        }
      : undefined,
    function: codedValue(child(author, 'functionCode'), context) ?? codedValue(child(assigned, 'code'), context),
    organisation: organisation(child(assigned, 'representedOrganization')),
    addresses: addresses(assigned),
    telecoms: telecoms(assigned),
  };
}

function legalAuthenticator(element: XmlElement | undefined): LegalAuthenticator | undefined {
  if (!element) return undefined;
  const assigned = child(element, 'assignedEntity');
  return {
    time: date(child(element, 'time')),
    identifiers: identifiers(assigned),
    name: names(child(assigned, 'assignedPerson'))[0],
    organisation: organisation(child(assigned, 'representedOrganization')),
  };
}

function organisation(element: XmlElement | undefined): Organisation | undefined {
  if (!element) return undefined;
  return {
    identifiers: identifiers(element),
    name: text(child(element, 'name')),
    addresses: addresses(element),
    telecoms: telecoms(element),
  };
}

function names(parent: XmlElement | undefined): PersonName[] {
  return children(parent, 'name').map((name) => {
    const parts = { given: [] as string[], family: [] as string[], prefix: [] as string[], suffix: [] as string[] };
    for (const part of elementChildren(name)) {
      const value = text(part);
      if (value === undefined) continue;
      if (part.name === 'given' || part.name === 'family' || part.name === 'prefix' || part.name === 'suffix')
        parts[part.name].push(value);
    }
    const hasParts = parts.given.length + parts.family.length > 0;
    return {
      ...parts,
      text: hasParts ? undefined : text(name),
      nullFlavor: attr(name, 'nullFlavor'),
    };
  });
}

function addresses(parent: XmlElement | undefined): Address[] {
  return children(parent, 'addr').map((addr) => {
    const lines: string[] = [];
    for (const part of elementChildren(addr)) {
      if (part.name === 'streetAddressLine' || part.name === 'streetName' || part.name === 'houseNumber') {
        const value = text(part);
        if (value !== undefined) lines.push(value);
      }
    }
    return {
      use: attr(addr, 'use'),
      lines,
      city: text(child(addr, 'city')),
      postalCode: text(child(addr, 'postalCode')),
      state: text(child(addr, 'state')),
      country: text(child(addr, 'country')),
      nullFlavor: attr(addr, 'nullFlavor'),
    };
  });
}

const TELECOM_SCHEMES: [string, Telecom['system']][] = [
  ['tel:', 'phone'],
  ['mailto:', 'email'],
  ['fax:', 'fax'],
  ['http:', 'url'],
  ['https:', 'url'],
];

function telecoms(parent: XmlElement | undefined): Telecom[] {
  return children(parent, 'telecom').map((telecom) => {
    const raw = attr(telecom, 'value');
    const scheme =
      raw === undefined ? undefined : TELECOM_SCHEMES.find(([prefix]) => raw.toLowerCase().startsWith(prefix));
    const value = raw === undefined ? undefined : scheme && scheme[1] !== 'url' ? raw.slice(scheme[0].length) : raw;
    return {
      system: scheme?.[1] ?? ('other' as const),
      value,
      use: attr(telecom, 'use'),
      nullFlavor: attr(telecom, 'nullFlavor'),
    };
  });
}
