/**
 * Applies the terminology catalogue to every coded value of a summary: French designation, else the en-GB
 * reference (the SPA marks it « en anglais »), else the document's own term (« non traduit »); missing data
 * get a French phrase. Section titles get their French name. Pure: returns a new summary, the input is left
 * as it was (narratives, which hold no coded value, are shared).
 *
 * Every coded value is found by its shape (an object with a `display`), so a field added to the model later is
 * translated without anyone having to remember this file.
 */
import type { CodedValue, PatientSummary, Section } from '@sesali/shared';
import type { TerminologyCatalogue } from '../terminology/catalogue';
import { CODE_SYSTEMS } from '../terminology/code-systems';
import { catalogueDisplay } from './display';
import { identifierIssuer } from './identifier-issuers';

export function translateSummary(summary: PatientSummary, catalogue: TerminologyCatalogue): PatientSummary {
  const header = translateDeep(summary.header, summary.header.language, catalogue);
  header.patient = {
    ...header.patient,
    identifiers: header.patient.identifiers.map((id) => {
      const issuer = identifierIssuer(id.root);
      return issuer === undefined ? id : { ...id, issuer };
    }),
  };
  return {
    ...summary,
    header,
    sections: summary.sections.map((section) => translateSection(section, catalogue)),
    unknownSections: summary.unknownSections.map((section) => translateSection(section, catalogue)),
  };
}

function translateSection(section: Section, catalogue: TerminologyCatalogue): Section {
  const catalogueTitle = section.loinc === undefined ? undefined : catalogue.french(CODE_SYSTEMS.loinc, section.loinc);
  return {
    ...section,
    titleFr: catalogueTitle ?? section.titleFr,
    entries: translateDeep(section.entries, section.lang, catalogue),
  };
}

export function translateCodedValue(value: CodedValue, lang: string, catalogue: TerminologyCatalogue): CodedValue {
  const { display, valueSet } = catalogueDisplay(value, lang, catalogue);
  const translated: CodedValue = { ...value, display };
  if (valueSet !== undefined) translated.valueSet = valueSet;
  return translated;
}

function translateDeep<T>(value: T, lang: string, catalogue: TerminologyCatalogue): T {
  if (Array.isArray(value)) return value.map((item: unknown) => translateDeep(item, lang, catalogue)) as T;
  if (value === null || typeof value !== 'object') return value;
  if (isCodedValue(value)) return translateCodedValue(value, lang, catalogue) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const field: unknown = value[key];
    // Strings, numbers and absent fields are shared as they are.
    out[key] = field !== null && typeof field === 'object' ? translateDeep(field, lang, catalogue) : field;
  }
  return out as T;
}

function isCodedValue(value: object): value is CodedValue {
  const display = (value as { display?: unknown }).display;
  return typeof display === 'object' && display !== null && 'level' in display;
}
