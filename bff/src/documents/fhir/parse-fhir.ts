/**
 * An HL7 Europe Patient Summary / IPS document Bundle (JSON bytes as received) → the same PatientSummary model
 * as a CDA: Composition sections by LOINC code, each `section.entry` reference resolved in the Bundle and
 * mapped by resource type (entries.ts), the header from the Composition's subject, authors and custodian
 * (header.ts), the section's XHTML narrative turned into the same whitelisted node tree, FHIR code system URIs
 * turned into the OIDs the catalogue uses (values.ts).
 *
 * Size-limited, shape-checked with zod; a Bundle that is not a document with a Composition first raises a
 * DocumentError. Each section reference becomes exactly one model entry ('other' when it cannot be typed).
 */
import type { PatientSummary, Section } from '@sesali/shared';
import { sectionTitleFr } from '@sesali/shared';
import { CODE_SYSTEMS } from '../../terminology/code-systems';
import { checkDocumentSize, DEFAULT_MAX_DOCUMENT_BYTES, DocumentError } from '../errors';
import { xhtmlNarrative, type Narrative } from '../narrative/narrative';
import { sectionKind } from '../sections';
import { readXml } from '../xml/xml-tree';
import { oidOfSystem } from './code-systems';
import { fhirEntry } from './entries';
import {
  bundleSchema,
  compositionSchema,
  compositionSectionSchema,
  type FhirCompositionSection,
  type FhirReference,
  type FhirResource,
} from './fhir-schemas';
import { fhirHeader } from './header';
import { errorMessage, identifierOf, zodIssues, type FhirContext } from './values';

export interface FhirParseOptions {
  /** Largest document accepted, in bytes (default 5 MB). */
  maxBytes?: number;
  /** ISO alpha-2 code of the country the document came from, when the caller knows it. */
  countryCode?: string;
}

const MAX_SECTION_DEPTH = 4;

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
    throw new DocumentError('document_unreadable', `not a FHIR document Bundle: ${zodIssues(bundle.error)}`);
  const composition = compositionSchema.safeParse(bundle.data.entry[0]?.resource);
  if (!composition.success)
    throw new DocumentError(
      'document_unreadable',
      `the Bundle's first entry is not a Composition: ${zodIssues(composition.error)}`,
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
        throw new DocumentError('document_unreadable', `malformed Composition sub-section: ${zodIssues(parsed.error)}`);
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
  const narrative = fhirNarrative(section.text?.div);
  return {
    loinc,
    title,
    titleFr: (loinc !== undefined ? sectionTitleFr(loinc) : undefined) ?? (title || 'Section sans titre'),
    lang: context.lang,
    narrative: narrative.nodes,
    narrativeIssue: narrative.issue,
    entries,
    counts: { seen: references.length, mapped: entries.length },
  };
}

/** A section's narrative, and whether its XHTML could be read as markup. */
export interface FhirNarrative extends Narrative {
  /** 'unparsed': the XHTML is not well-formed; the nodes hold its bare text. */
  issue?: 'unparsed';
}

/** XHTML narrative → node tree; markup that does not parse is shown as its bare text, never as markup, and said so. */
export function fhirNarrative(div: string | undefined): FhirNarrative {
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
      issue: 'unparsed',
    };
  }
}
