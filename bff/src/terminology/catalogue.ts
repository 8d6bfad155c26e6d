/**
 * The terminology catalogue: designations of coded concepts by (code system, code), merged from LTR value-set
 * files. A concept may sit in several value sets and several files: its designations are merged, a later
 * source overriding an earlier one language by language (the national TERMINOLOGY_DIR is loaded after the
 * shipped catalogue, so the national MTC wording wins).
 *
 * Lookup order for display: fr-FR (any other French variant next), else en-GB — the MVC reference language —
 * else nothing: the caller then shows the document's own term, marked "non traduit". No machine translation.
 */
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
  /** The value set the concept belongs to (first one met, MVC when it is in one). */
  valueSet?: string;
}

interface ConceptRecord {
  /** Designations by lower-case language tag. */
  designations: Map<string, LtrDesignation>;
  valueSets: string[];
}

const MVC_PREFIX = '1.3.6.1.4.1.12559.11.10.1.3.1.42.';

const conceptKey = (codeSystem: string, code: string): string => `${canonicalCodeSystem(codeSystem)}|${code.trim()}`;
const normaliseLang = (lang: string): string => lang.trim().replace(/_/g, '-').toLowerCase();

export class TerminologyCatalogue {
  private readonly concepts = new Map<string, ConceptRecord>();
  private readonly valueSetOids = new Set<string>();

  /** Adds (merges) a value set; its designations override those already present for the same language. */
  addValueSet(valueSet: LtrValueSet): void {
    this.valueSetOids.add(valueSet.oid);
    for (const concept of valueSet.concepts) {
      const key = conceptKey(concept.codeSystem, concept.code);
      let record = this.concepts.get(key);
      if (!record) {
        record = { designations: new Map(), valueSets: [] };
        this.concepts.set(key, record);
      }
      if (!record.valueSets.includes(valueSet.oid)) {
        // MVC value sets first: they are the reference the SPA may show.
        if (valueSet.oid.startsWith(MVC_PREFIX)) record.valueSets.unshift(valueSet.oid);
        else record.valueSets.push(valueSet.oid);
      }
      for (const designation of concept.designations)
        if (designation.text.trim() !== '') record.designations.set(normaliseLang(designation.lang), designation);
    }
  }

  get conceptCount(): number {
    return this.concepts.size;
  }

  get valueSetCount(): number {
    return this.valueSetOids.size;
  }

  has(codeSystem: string, code: string): boolean {
    return this.concepts.has(conceptKey(codeSystem, code));
  }

  /** The designation to show for a concept: French, else the en-GB reference, else undefined. */
  designation(codeSystem: string, code: string): CatalogueDesignation | undefined {
    const record = this.concepts.get(conceptKey(codeSystem, code));
    if (!record) return undefined;
    const valueSet = record.valueSets[0];
    const french = record.designations.get('fr-fr') ?? firstWithPrefix(record.designations, 'fr');
    if (french) return { text: french.text, lang: french.lang, level: 'fr', valueSet };
    const english = record.designations.get('en-gb') ?? firstWithPrefix(record.designations, 'en');
    if (english) return { text: english.text, lang: english.lang, level: 'en', valueSet };
    return undefined;
  }

  /** The French designation only (for section titles and missing-data phrases). */
  french(codeSystem: string, code: string): string | undefined {
    const designation = this.designation(codeSystem, code);
    return designation?.level === 'fr' ? designation.text : undefined;
  }
}

function firstWithPrefix(designations: Map<string, LtrDesignation>, language: string): LtrDesignation | undefined {
  for (const [lang, designation] of designations)
    if (lang === language || lang.startsWith(`${language}-`)) return designation;
  return undefined;
}

/** A catalogue from value sets in memory (tests, tools). */
export function catalogueOf(valueSets: LtrValueSet[]): TerminologyCatalogue {
  const catalogue = new TerminologyCatalogue();
  for (const valueSet of valueSets) catalogue.addValueSet(valueSet);
  return catalogue;
}
