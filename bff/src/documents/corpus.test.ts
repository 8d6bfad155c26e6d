/**
 * The real-document corpus (29 public eHDSI Patient Summaries, bff/test-data/cda) through `readPatientSummary`,
 * checked against facts that an independent walker extracts from the raw XML with its own saxes pass — none
 * of the parser's helpers:
 * - every `<entry>` of every section is in the model (typed, absence statement or 'other'), section by section;
 * - every original text a coded element points to (`originalText/reference`) that the section's narrative
 *   resolves reaches a value of the model, with that text;
 * - no clinical entry carries an absence code (an absence statement in disguise), and no value is empty or a
 *   bare code.
 */
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import type { CodedValue, Entry, PatientSummary, Section } from '@sesali/shared';
import { loadTerminology } from '../terminology/load';
import { readPatientSummary } from './read-summary';
import { CORPUS, corpusL3Documents } from './testing/corpus';
import { codedValues } from './testing/fixtures';

const { catalogue } = await loadTerminology();

interface SectionFacts {
  code?: string;
  entries: number;
  /** narrative ID → its text (whitespace collapsed) */
  ids: Map<string, string>;
  /** IDs that coded elements of the section's entries point to */
  references: string[];
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** Texts compared without their white space: table cells joined by a space or not are the same words. */
const words = (text: string | undefined): string => (text ?? '').replace(/\s+/g, '');

/** The walker: sections (nested too), their entries, narrative IDs with text, and original-text references. */
function documentFacts(xml: string): SectionFacts[] {
  const parser = new SaxesParser({ xmlns: true });
  const sections: SectionFacts[] = [];
  const stack: { name: string; facts?: SectionFacts; idText?: { id: string; text: string }[] }[] = [];
  const openIds: { id: string; text: string; depth: number }[] = [];
  let current: SectionFacts | undefined;
  const sectionStack: SectionFacts[] = [];
  let inText = 0;
  let inEntry = 0;
  let inOriginalText = 0;

  parser.on('opentag', (tag) => {
    const name = tag.local;
    const parent = stack.at(-1)?.name;
    stack.push({ name });
    if (name === 'section') {
      current = { entries: 0, ids: new Map(), references: [] };
      sections.push(current);
      sectionStack.push(current);
      return;
    }
    if (!current) return;
    if (name === 'code' && parent === 'section') current.code = tag.attributes.code?.value;
    if (name === 'text' && parent === 'section') inText++;
    else if (inText > 0) {
      const id = tag.attributes.ID?.value;
      if (id !== undefined) openIds.push({ id, text: '', depth: stack.length });
    }
    if (name === 'entry' && parent === 'section') {
      current.entries++;
      inEntry++;
    }
    if (inEntry > 0 && name === 'originalText') inOriginalText++;
    if (inOriginalText > 0 && name === 'reference') {
      const value = tag.attributes.value?.value;
      if (value?.startsWith('#')) current.references.push(value.slice(1));
    }
  });
  parser.on('text', (text) => {
    if (inText > 0) for (const open of openIds) open.text += text;
  });
  parser.on('closetag', (tag) => {
    const name = tag.local;
    const depth = stack.length;
    stack.pop();
    if (name === 'section') {
      sectionStack.pop();
      current = sectionStack.at(-1);
      return;
    }
    if (!current) return;
    const open = openIds.at(-1);
    if (open && open.depth === depth) {
      openIds.pop();
      current.ids.set(open.id, collapse(open.text));
    }
    if (name === 'text' && stack.at(-1)?.name === 'section') inText--;
    if (name === 'entry' && stack.at(-1)?.name === 'section') inEntry--;
    if (name === 'originalText' && inOriginalText > 0) inOriginalText--;
  });
  parser.write(xml).close();
  return sections;
}

// Absence concepts, listed here apart from the BFF's own table (documents/absence.ts).
const IPS_ABSENT = '2.16.840.1.113883.5.1150.1';
const SNOMED_ABSENT = new Set([
  '716186003', '160244002', '409137002', '428607008', '429625007', '787483001', '787482006', '787481004',
  '160245001', '787480003', '182849000', '182904002',
]); // prettier-ignore
const isAbsenceCode = (value: CodedValue): boolean =>
  value.codeSystem === IPS_ABSENT ||
  (value.codeSystem === '2.16.840.1.113883.6.96' && value.code !== undefined && SNOMED_ABSENT.has(value.code));

const allSections = (summary: PatientSummary): Section[] => [...summary.sections, ...summary.unknownSections];

/** What the note reports per document: entries seen in the XML, entries the model holds, original texts shown. */
export interface CorpusFacts {
  seen: number;
  rendered: number;
  originalTextShown: number;
}

const documents = corpusL3Documents();
const read = (name: string) => readFileSync(new URL(name, CORPUS));

describe.each(documents)('%s', (name) => {
  const bytes = read(name);
  const summary = readPatientSummary(bytes, 'text/xml', catalogue, { maxBytes: 10_000_000, today: '2026-11-29' });
  const facts = documentFacts(bytes.toString('utf8'));

  it('holds every entry of every section', () => {
    const modelSections = allSections(summary);
    // Same sections, same order of entry counts: the walker's sections are the document's, nested ones included.
    const walkerCounts = facts.map((section) => section.entries).sort((a, b) => a - b);
    const modelCounts = modelSections.map((section) => section.entries.length).sort((a, b) => a - b);
    expect(modelCounts).toEqual(walkerCounts);
    for (const section of modelSections) expect(section.counts.mapped).toBe(section.counts.seen);
    const total = facts.reduce((sum, section) => sum + section.entries, 0);
    expect(summary.counts.mapped).toBe(total);
  });

  it('brings every resolvable original text to its value', () => {
    const modelSections = allSections(summary);
    for (const sectionFacts of facts) {
      const resolvable = sectionFacts.references.filter((id) => (sectionFacts.ids.get(id) ?? '') !== '');
      if (resolvable.length === 0) continue;
      const section = modelSections.find(
        (candidate) => candidate.loinc === sectionFacts.code && candidate.entries.length === sectionFacts.entries,
      );
      expect(section).toBeDefined();
      const values = codedValues(section?.entries ?? []).map((found) => found.value);
      for (const id of resolvable) {
        const text = sectionFacts.ids.get(id);
        const value = values.find((candidate) => candidate.narrativeRef === id);
        // Either the value carries the text, or it is a coded element the model does not hold (a structural
        // code) — which the next assertion excludes for every value the model does hold.
        if (value) expect(words(value.originalText)).toBe(words(text));
      }
      // Values the model holds with a reference have their text.
      for (const value of values)
        if (value.narrativeRef !== undefined && (sectionFacts.ids.get(value.narrativeRef) ?? '') !== '')
          expect(words(value.originalText)).toBe(words(sectionFacts.ids.get(value.narrativeRef)));
    }
  });

  it('shows the original text, not a missing-data phrase, where a nullFlavor value has one', () => {
    for (const { value } of codedValues(summary))
      if (value.nullFlavor !== undefined && (value.originalText ?? '').trim() !== '')
        expect(value.display).toMatchObject({ text: value.originalText?.trim(), source: 'document' });
  });

  it('has no absence statement in disguise, no empty value and no bare code', () => {
    const clinical: Entry[] = allSections(summary).flatMap((section) =>
      section.entries.filter((entry) => entry.type !== 'knownAbsence'),
    );
    for (const { value, path } of codedValues(clinical)) {
      expect({ path, absence: isAbsenceCode(value) }).toEqual({ path, absence: false });
    }
    for (const { value } of codedValues(summary)) {
      expect(value.display.text.trim()).not.toBe('');
      if (value.display.source === 'document' && value.code !== undefined)
        expect(value.display.text.trim()).not.toBe(value.code.trim());
    }
  });
});

describe('the corpus as a whole', () => {
  it('has documents with nullFlavor values resolved from the narrative, absence statements and long lists', () => {
    const summaries = documents.map((name) =>
      readPatientSummary(read(name), 'text/xml', catalogue, { maxBytes: 10_000_000, today: '2026-11-29' }),
    );
    const resolvedNullFlavors = summaries.flatMap((summary) =>
      codedValues(summary).filter(({ value }) => value.nullFlavor !== undefined && value.display.source === 'document'),
    );
    expect(resolvedNullFlavors.length).toBeGreaterThan(10);
    const absences = summaries.flatMap((summary) =>
      allSections(summary).flatMap((section) => section.entries.filter((entry) => entry.type === 'knownAbsence')),
    );
    expect(absences.length).toBeGreaterThan(10);
    expect(
      absences.filter((entry) => entry.type === 'knownAbsence' && entry.code.display.level !== 'fr').map((e) => e.code),
    ).toEqual([]);
  });
});
