/**
 * An eHDSI Patient Summary CDA L3 document (bytes as received) → the PatientSummary model, with the
 * document's own displays (translate.ts then applies the catalogue).
 *
 * The bytes are size-checked before anything else, then decoded and read piece by piece in one streaming
 * pass (saxes) without DTD or entities; a document that is not well-formed, not a ClinicalDocument, or has no
 * structured body raises a DocumentError — never a partial model. Each `<entry>` becomes exactly one model entry.
 */
import type { PatientSummary, Section } from '@sesali/shared';
import { sectionTitleFr } from '@sesali/shared';
import { checkDocumentSize, DEFAULT_MAX_DOCUMENT_BYTES, DocumentError } from '../errors';
import { cdaNarrative } from '../narrative/narrative';
import { sectionKind } from '../sections';
import { readXmlBytes, type XmlElement } from '../xml/xml-tree';
import { attr, child, children, HL7_NS, path, text } from './cda-dom';
import { cdaEntry } from './entries';
import { cdaHeader } from './header';
import type { CdaContext } from './values';

export interface CdaParseOptions {
  /** Largest document accepted, in bytes (default 5 MB). */
  maxBytes?: number;
  /** ISO alpha-2 code of the country the document came from, when the caller knows it. */
  countryCode?: string;
}

/** Elements whose content is mixed text: the section narrative. Elsewhere whitespace-only text is dropped. */
const isNarrative = (element: XmlElement, parent: XmlElement | undefined): boolean =>
  element.name === 'text' && parent?.name === 'section';

/** Elements the model never needs: not built (a fifth of a CDA's elements are templateIds). */
const NOT_READ: ReadonlySet<string> = new Set(['templateId']);

/** Reads a CDA document into the light tree and checks it is a ClinicalDocument. */
export function readClinicalDocument(bytes: Uint8Array, maxBytes = DEFAULT_MAX_DOCUMENT_BYTES): XmlElement {
  checkDocumentSize(bytes, maxBytes);
  const root = readXmlBytes(bytes, { isMixedContent: isNarrative, skip: NOT_READ });
  if (root.name !== 'ClinicalDocument' || root.ns !== HL7_NS)
    throw new DocumentError('document_unreadable', `root element is not an HL7 v3 ClinicalDocument (${root.name})`);
  return root;
}

export function parseCdaPatientSummary(bytes: Uint8Array, options: CdaParseOptions = {}): PatientSummary {
  return clinicalDocumentSummary(readClinicalDocument(bytes, options.maxBytes), options.countryCode);
}

/** The model of a ClinicalDocument already read. */
export function clinicalDocumentSummary(document: XmlElement, countryCode?: string): PatientSummary {
  const body = path(document, 'component', 'structuredBody');
  if (!body) {
    const level1 = path(document, 'component', 'nonXMLBody') !== undefined;
    throw new DocumentError(
      'document_unreadable',
      level1 ? 'no structuredBody: an L1 (unstructured) document, not an L3 summary' : 'no structuredBody',
    );
  }

  const lang = attr(child(document, 'languageCode'), 'code') ?? 'und';
  const header = cdaHeader(document, { lang }, countryCode);

  const sections: Section[] = [];
  const unknownSections: Section[] = [];
  const collect = (container: XmlElement, depth: number): void => {
    for (const component of children(container, 'component')) {
      const sectionElement = child(component, 'section');
      if (!sectionElement) continue;
      const section = cdaSection(sectionElement, lang);
      if (sectionKind(section.loinc) !== undefined) sections.push(section);
      else unknownSections.push(section);
      // Sub-sections are rare in eHDSI summaries; when present they are shown after their parent.
      if (depth < 4) collect(sectionElement, depth + 1);
    }
  };
  collect(body, 0);

  let seen = 0;
  let mapped = 0;
  for (const section of [...sections, ...unknownSections]) {
    seen += section.counts.seen;
    mapped += section.counts.mapped;
  }
  return { format: 'cda', header, sections, unknownSections, counts: { seen, mapped } };
}

function cdaSection(element: XmlElement, documentLang: string): Section {
  const codeElement = child(element, 'code');
  const loinc = attr(codeElement, 'code');
  const lang = attr(child(element, 'languageCode'), 'code') ?? documentLang;
  const narrative = cdaNarrative(child(element, 'text'));
  const context: CdaContext = { lang, narrative };
  const kind = sectionKind(loinc);

  const entries = children(element, 'entry').map((entry) => cdaEntry(entry, kind, context));
  const title = text(child(element, 'title')) ?? attr(codeElement, 'displayName') ?? '';
  return {
    loinc,
    title,
    titleFr: (loinc !== undefined ? sectionTitleFr(loinc) : undefined) ?? (title || 'Section sans titre'),
    lang,
    narrative: narrative.nodes,
    entries,
    counts: { seen: rawEntryCount(element), mapped: entries.length },
  };
}

/**
 * The entries of a section counted on the raw element tree, apart from the reader above: every element child
 * named `entry` in the HL7 namespace, whatever it holds. If a change to the reader ever drops, merges or skips
 * an entry, `mapped` falls short of this and the tests that compare them fail.
 */
function rawEntryCount(section: XmlElement): number {
  let count = 0;
  for (const node of section.children)
    if (typeof node !== 'string' && node.name === 'entry' && node.ns === HL7_NS) count++;
  return count;
}
