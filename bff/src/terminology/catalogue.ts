/**
 * The terminology catalogue: designations of coded concepts by (code system, code), merged from value sets of
 * three sources, loaded in this order, a later source overriding an earlier one language by language:
 * 1. the eHDSI MVC (`mvc`): the en-GB reference designation of every concept of the 51 value sets;
 * 2. the project's own French (`project`): fr-FR designations for the value sets that shape the page, to be
 *    reviewed (bff/terminology/fr);
 * 3. the national export (`national`): France's LTR/MTC, installed by `terminology:import` into
 *    TERMINOLOGY_DIR, whose French wins over ours.
 *
 * Lookup is by code AND code system, the system first brought to its canonical OID (code-systems.ts): a code
 * never matches across systems. Display order: French (fr-FR, else another French variant), else en-GB (the
 * MVC reference language), else nothing — the caller then shows the document's own term. No machine
 * translation.
 *
 * Memory: only the French and English designations are kept (the display never uses another language), one
 * small record per concept; the whole MVC adds about 25,000 records.
 */
import type { DesignationSource } from '@sesali/shared';
import { canonicalCodeSystem } from './code-systems';

export interface LtrDesignation {
  lang: string;
  text: string;
}
export interface LtrConcept {
  code: string;
  codeSystem: string;
  codeSystemName?: string;
  designations: LtrDesignation[];
}
export interface LtrValueSet {
  oid: string;
  name?: string;
  concepts: LtrConcept[];
}

export interface CatalogueDesignation {
  text: string;
  /** BCP 47 tag as the catalogue wrote it (e.g. fr-FR). */
  lang: string;
  level: 'fr' | 'en';
  source: DesignationSource;
  /** The value set the concept belongs to (an MVC one when it is in one). */
  valueSet?: string;
}

interface StoredDesignation {
  text: string;
  lang: string;
  source: DesignationSource;
  /** fr-FR (or en-GB) itself rather than another variant: a variant never replaces it. */
  preferred: boolean;
}

interface ConceptRecord {
  fr?: StoredDesignation;
  en?: StoredDesignation;
  valueSets: string[];
}

export const MVC_PREFIX = '1.3.6.1.4.1.12559.11.10.1.3.1.42.';

const conceptKey = (codeSystem: string, code: string): string => `${canonicalCodeSystem(codeSystem)}|${code.trim()}`;

/** 'fr' or 'en' for the languages the display uses, with whether the tag is the preferred one. */
function languageSlot(lang: string): { slot: 'fr' | 'en'; preferred: boolean } | undefined {
  const tag = lang.trim().replace(/_/g, '-').toLowerCase();
  if (tag === 'fr' || tag.startsWith('fr-')) return { slot: 'fr', preferred: tag === 'fr-fr' };
  if (tag === 'en' || tag.startsWith('en-')) return { slot: 'en', preferred: tag === 'en-gb' };
  return undefined;
}

export class TerminologyCatalogue {
  private readonly concepts = new Map<string, ConceptRecord>();
  private readonly valueSetConcepts = new Map<string, { name?: string; keys: Set<string> }>();

  /** Adds (merges) a value set; its designations override those already present for the same language. */
  addValueSet(valueSet: LtrValueSet, source: DesignationSource): void {
    let members = this.valueSetConcepts.get(valueSet.oid);
    if (!members) {
      members = { name: valueSet.name, keys: new Set() };
      this.valueSetConcepts.set(valueSet.oid, members);
    }
    members.name ??= valueSet.name;
    for (const concept of valueSet.concepts) {
      const key = conceptKey(concept.codeSystem, concept.code);
      members.keys.add(key);
      let record = this.concepts.get(key);
      if (!record) {
        record = { valueSets: [] };
        this.concepts.set(key, record);
      }
      if (!record.valueSets.includes(valueSet.oid)) {
        // MVC value sets first: they are the reference the SPA may show.
        if (valueSet.oid.startsWith(MVC_PREFIX)) record.valueSets.unshift(valueSet.oid);
        else record.valueSets.push(valueSet.oid);
      }
      for (const designation of concept.designations) {
        const text = designation.text.trim();
        const slot = languageSlot(designation.lang);
        if (text === '' || !slot) continue;
        const current = record[slot.slot];
        // A later source wins, except that a regional variant (fr-BE) never replaces fr-FR itself.
        if (current && current.preferred && !slot.preferred) continue;
        record[slot.slot] = { text, lang: designation.lang, source, preferred: slot.preferred };
      }
    }
  }

  get conceptCount(): number {
    return this.concepts.size;
  }

  get valueSetCount(): number {
    return this.valueSetConcepts.size;
  }

  has(codeSystem: string, code: string): boolean {
    return this.concepts.has(conceptKey(codeSystem, code));
  }

  /** The designation to show for a concept: French, else the en-GB reference, else undefined. */
  designation(codeSystem: string, code: string): CatalogueDesignation | undefined {
    const record = this.concepts.get(conceptKey(codeSystem, code));
    if (!record) return undefined;
    const valueSet = record.valueSets[0];
    const chosen = record.fr ?? record.en;
    if (!chosen) return undefined;
    return {
      text: chosen.text,
      lang: chosen.lang,
      level: chosen === record.fr ? 'fr' : 'en',
      source: chosen.source,
      valueSet,
    };
  }

  /** The French designation only (for section titles and missing-data phrases). */
  french(codeSystem: string, code: string): string | undefined {
    return this.concepts.get(conceptKey(codeSystem, code))?.fr?.text;
  }

  /** The value set a concept belongs to, by preference an MVC one. */
  valueSetOf(codeSystem: string, code: string): string | undefined {
    return this.concepts.get(conceptKey(codeSystem, code))?.valueSets[0];
  }

  valueSetName(oid: string): string | undefined {
    return this.valueSetConcepts.get(oid)?.name;
  }

  /** How many concepts of a value set have a French designation, out of how many (for the coverage checks). */
  valueSetFrenchCoverage(oid: string): { concepts: number; french: number; missing: string[] } | undefined {
    const members = this.valueSetConcepts.get(oid);
    if (!members) return undefined;
    let french = 0;
    const missing: string[] = [];
    for (const key of members.keys) {
      if (this.concepts.get(key)?.fr) french++;
      else missing.push(key);
    }
    return { concepts: members.keys.size, french, missing };
  }
}

/** A catalogue from value sets in memory (tests, tools). */
export function catalogueOf(valueSets: LtrValueSet[], source: DesignationSource = 'project'): TerminologyCatalogue {
  const catalogue = new TerminologyCatalogue();
  for (const valueSet of valueSets) catalogue.addValueSet(valueSet, source);
  return catalogue;
}
