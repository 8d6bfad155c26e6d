/**
 * International Search Mask (eHDSI ISM XML, namespace http://ec.europa.eu/sante/ehncp/ism, with or without a
 * prefix) → the shared search-form model. The XML comes from outside: size-limited, validated, parsed without
 * entity expansion; every regex is checked for catastrophic backtracking (recheck) before anyone matches it.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { check } from 'recheck';
import { searchFormSchema, type SearchField, type SearchForm } from '@sesali/shared';
import { frenchLabel } from './ism-labels';

export const ISM_MAX_BYTES = 2 * 1024 * 1024;
const CARD_PICTURE_MAX_CHARS = 1_500_000;
const REGEX_CHECK_TIMEOUT_MS = 1_000;

export class SearchMaskError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchMaskError';
  }
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['ids', 'id', 'textField', 'identifier'].includes(name),
});

const asNode = (value: unknown): XmlNode | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : undefined;
const asNodes = (value: unknown): XmlNode[] =>
  Array.isArray(value) ? value.map(asNode).filter((n) => n !== undefined) : [];
const attr = (node: XmlNode, name: string): string | undefined => {
  const value = node[`@${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

async function checkedFormat(format: string | undefined, where: string): Promise<string | undefined> {
  if (format === undefined) return undefined;
  if (format.length > 500) throw new SearchMaskError(`${where}: format longer than 500 characters`);
  try {
    new RegExp(format);
  } catch {
    throw new SearchMaskError(`${where}: format is not a valid regular expression`);
  }
  const diagnostics = await check(format, '', { timeout: REGEX_CHECK_TIMEOUT_MS });
  if (diagnostics.status !== 'safe') {
    throw new SearchMaskError(
      `${where}: format ${JSON.stringify(format)} is ${diagnostics.status} (catastrophic backtracking)`,
    );
  }
  return format;
}

async function identifierField(node: XmlNode, where: string): Promise<SearchField> {
  const domain = attr(node, 'domain');
  if (!domain || !/^[0-2](\.(0|[1-9]\d*)){1,40}$/.test(domain))
    throw new SearchMaskError(`${where}: missing or invalid domain OID`);
  const national = attr(node, 'originalContextualDescription');
  return {
    key: `id:${domain}`,
    kind: 'identifier',
    domain,
    label: frenchLabel(attr(node, 'label'), attr(node, 'contextualDescription'), 'Identifiant du patient'),
    nationalLabel: national,
    hint: attr(node, 'contextualDescription'),
    format: await checkedFormat(attr(node, 'format'), `${where} ${domain}`),
    // An identifier without the attribute is the only way to search: mandatory.
    mandatory: attr(node, 'mandatory') !== 'false',
  };
}

/** Which patientDemographics field a mask field fills: by its kind, or for a text field by its ISM label key. */
const TEXT_DEMOGRAPHICS: Readonly<Record<string, SearchField['demographic']>> = {
  'label.ism.familyName': 'familyName',
  'label.ism.givenName': 'givenName',
};

function demographicOf(kind: 'text' | 'birthDate' | 'gender', label: string | undefined): SearchField['demographic'] {
  if (kind === 'birthDate') return 'birthDate';
  if (kind === 'gender') return 'administrativeGender';
  return label !== undefined && Object.hasOwn(TEXT_DEMOGRAPHICS, label) ? TEXT_DEMOGRAPHICS[label] : undefined;
}

async function otherField(kind: 'text' | 'birthDate' | 'gender', node: XmlNode, index: number): Promise<SearchField> {
  const label = attr(node, 'label');
  const generic = { text: 'Information complémentaire', birthDate: 'Date de naissance', gender: 'Sexe' }[kind];
  return {
    demographic: demographicOf(kind, label),
    key: kind === 'text' ? `text:${label ?? index}` : kind,
    kind,
    label: frenchLabel(label, attr(node, 'contextualDescription'), generic),
    nationalLabel: attr(node, 'originalContextualDescription'),
    hint: attr(node, 'contextualDescription'),
    // Dates are typed in the browser's date picker and sent as ISO dates, whatever the mask's pattern.
    format: kind === 'text' ? await checkedFormat(attr(node, 'format'), `${kind} field`) : undefined,
    mandatory: attr(node, 'mandatory') === 'true',
  };
}

function cardPicture(patientSearch: XmlNode): string | undefined {
  const media = asNode(patientSearch.media);
  if (!media) return undefined;
  const content = media.mediaContent;
  const base64 = typeof content === 'string' ? content.replace(/\s+/g, '') : '';
  if (base64 === '' || base64.length > CARD_PICTURE_MAX_CHARS || !/^[A-Za-z0-9+/]+=*$/.test(base64)) return undefined;
  const extension = (attr(media, 'fileExtension') ?? 'png').toLowerCase();
  const mime = extension === 'jpg' || extension === 'jpeg' ? 'jpeg' : extension === 'gif' ? 'gif' : 'png';
  return `data:image/${mime};base64,${base64}`;
}

export async function parseSearchMask(xml: string, countryCode: string, countryName: string): Promise<SearchForm> {
  if (Buffer.byteLength(xml, 'utf8') > ISM_MAX_BYTES) throw new SearchMaskError('search mask larger than 2 MB');
  if (/<!DOCTYPE/i.test(xml)) throw new SearchMaskError('search mask declares a DOCTYPE (refused)');
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new SearchMaskError(`search mask is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);

  const root = asNode(asNode(parser.parse(xml))?.searchFields);
  const country = asNode(root?.country);
  if (!country) throw new SearchMaskError('no searchFields/country element');
  if (attr(country, 'code') !== countryCode)
    throw new SearchMaskError(`mask is for ${attr(country, 'code') ?? '?'}, not ${countryCode}`);
  const search = asNode(country.patientSearch);
  const identifier = asNodes(search?.identifier)[0];
  if (!search || !identifier) throw new SearchMaskError('no patientSearch/identifier element');

  const type = attr(identifier, 'type') ?? 'NORMAL';
  const groups =
    type === 'CHOICE'
      ? await Promise.all(
          asNodes(identifier.ids).map(async (ids, g) => ({
            label: attr(ids, 'display') ?? `Identifiant ${g + 1}`,
            fields: await Promise.all(asNodes(ids.id).map((id) => identifierField(id, `choice ${g + 1}`))),
          })),
        )
      : [
          {
            label: 'Identifiant',
            fields: await Promise.all(asNodes(identifier.id).map((id) => identifierField(id, 'identifier'))),
          },
        ];

  const others: SearchField[] = [];
  for (const [index, node] of asNodes(search.textField).entries()) others.push(await otherField('text', node, index));
  const birthDate = asNode(search.birthDate);
  if (birthDate) others.push(await otherField('birthDate', birthDate, 0));
  const gender = asNode(search.gender);
  if (gender) others.push(await otherField('gender', gender, 0));

  const form = searchFormSchema.safeParse({
    countryCode,
    countryName,
    identifierGroups: groups,
    otherFields: others,
    cardPicture: cardPicture(search),
  });
  if (!form.success) {
    throw new SearchMaskError(
      `mask does not fit the form model: ${form.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return form.data;
}
