/**
 * Test helpers of the document layer: the project's fixture documents (mocks/fixtures, never the shared
 * reference files), walkers over a model, and a builder of small CDA documents for the cases no fixture has.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { CodedValue, NarrativeNode, PatientSummary } from '@sesali/shared';
import { DocumentError } from '../errors';

export const FIXTURES = new URL('../../../../mocks/fixtures/', import.meta.url);

export const fixtureUrl = (relative: string): URL => new URL(relative, FIXTURES);
export const readFixture = (relative: string): Buffer => readFileSync(fixtureUrl(relative));

/** Every patient folder holding a file of that name, as "CC/patients/folder/file" paths. */
export function fixtureDocuments(fileName: string): string[] {
  const out: string[] = [];
  for (const country of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!country.isDirectory()) continue;
    let patients: string[];
    try {
      patients = readdirSync(new URL(`${country.name}/patients/`, FIXTURES));
    } catch {
      continue;
    }
    for (const patient of patients) {
      const relative = `${country.name}/patients/${patient}/${fileName}`;
      if (existsSync(fixtureUrl(relative))) out.push(relative);
    }
  }
  return out.sort();
}

/** Every well-formed L3 fixture (the malformed-xml scenario is tested apart). */
export const l3Fixtures = (): string[] =>
  fixtureDocuments('ps-l3.xml').filter((path) => !path.includes('malformed-xml'));

export interface FoundCodedValue {
  value: CodedValue;
  path: string;
}

/** Every coded value of a model (found by shape: an object with a `display`), with where it is. */
export function codedValues(value: unknown, path = ''): FoundCodedValue[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => codedValues(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  if ('display' in value) return [{ value: value as CodedValue, path }];
  return Object.entries(value).flatMap(([key, field]) => codedValues(field, path === '' ? key : `${path}.${key}`));
}

/** Every node of a narrative tree. */
export function narrativeNodes(nodes: NarrativeNode[] | undefined): NarrativeNode[] {
  return (nodes ?? []).flatMap((node) => [node, ...narrativeNodes(node.children)]);
}

export function allNarrativeNodes(summary: PatientSummary): NarrativeNode[] {
  return [...summary.sections, ...summary.unknownSections].flatMap((section) => narrativeNodes(section.narrative));
}

/** A minimal eHDSI PS CDA around the given sections (`<component><section>…` strings). */
export function cdaDocument(sections: string, options: { lang?: string; prolog?: string } = {}): Buffer {
  return Buffer.from(
    `${options.prolog ?? '<?xml version="1.0" encoding="UTF-8"?>'}
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <id root="1.2.3.4" extension="TEST-1"/>
  <code code="60591-5" codeSystem="2.16.840.1.113883.6.1"/>
  <title>Test summary</title>
  <effectiveTime value="20261001120000+0200"/>
  <languageCode code="${options.lang ?? 'en-GB'}"/>
  <recordTarget><patientRole><id root="1.2.3" extension="42"/>
    <patient><name><given>Test</given><family>Patient</family></name>
      <administrativeGenderCode code="F" codeSystem="2.16.840.1.113883.5.1"/><birthTime value="19800101"/></patient>
  </patientRole></recordTarget>
  <component><structuredBody>${sections}</structuredBody></component>
</ClinicalDocument>`,
    'utf8',
  );
}

export function cdaSection(loinc: string, title: string, text: string, entries = ''): string {
  return `<component><section><code code="${loinc}" codeSystem="2.16.840.1.113883.6.1"/><title>${title}</title><text>${text}</text>${entries}</section></component>`;
}

/** Runs what must throw a DocumentError, and returns it. */
export function documentError(run: () => unknown): DocumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof DocumentError) return error;
    throw error;
  }
  throw new Error('expected a DocumentError, got none');
}
