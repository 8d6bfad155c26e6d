/**
 * The display of a coded value: what the clinician reads, never empty and never a bare code. `documentDisplay`
 * is what the document itself offers; `catalogueDisplay` puts the terminology catalogue first. The order:
 * 1. the catalogue's French designation, else its en-GB reference (« en anglais »);
 * 2. the document's own term — its displayName, else its original text (inline, or the narrative element it
 *    points to), else for an unmapped concept (OTH) the national term — shown « non traduit », or as French
 *    when the document is written in French;
 * 3. for a value the document says is missing (nullFlavor) without any text: a French phrase (« Inconnu (UNK) »);
 * 4. for a code nobody names: « Terme non fourni », with the code system's name so the code can be looked up.
 * When the code is a nullFlavor but the document wrote the content as text, that text is what the cell shows
 * and the nullFlavor stays on the value.
 */
import type { CodedValue, Display } from '@sesali/shared';
import type { TerminologyCatalogue } from '../terminology/catalogue';
import { CODE_SYSTEMS, codeSystemLabel } from '../terminology/code-systems';
import { absentOrUnknownFr, nullFlavorPhrase } from '../terminology/french-labels';

export type CodedValueDraft = Omit<CodedValue, 'display'>;

const FRENCH = 'fr-FR';
export const TERM_NOT_GIVEN = 'Terme non fourni';

/** A string with something in it, else undefined: a blank string is never shown. */
const present = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** French documents (fr-LU, fr-BE…) need no translation: their terms are French. */
export const isFrenchLanguage = (lang: string): boolean => /^fr(?:[-_]|$)/i.test(lang.trim());

/** The document's own words, at the level their language gives them. */
function documentTerm(text: string, lang: string): Display {
  return isFrenchLanguage(lang)
    ? { text, lang, level: 'fr', source: 'document' }
    : { text, lang, level: 'original', source: 'document' };
}

/**
 * The document's best term for a value: its display name, else its original text (or an unmapped concept's
 * name). A display name that only repeats the code ("IMMUNIZ", "E03") names nothing and is passed over.
 */
function documentWords(value: CodedValueDraft): string | undefined {
  const code = present(value.code);
  const repeatsCode = (text: string | undefined) => text !== undefined && code !== undefined && text === code;
  const display = present(value.originalDisplay);
  const original = present(value.originalText);
  return (repeatsCode(display) ? undefined : display) ?? (repeatsCode(original) ? undefined : original);
}

/** Without a catalogue: the document's term, or a French phrase for a missing value. */
export function documentDisplay(value: CodedValueDraft, lang: string): Display {
  const documentLang = present(lang) ?? 'und';
  const code = present(value.code);
  if (code !== undefined && value.codeSystem === CODE_SYSTEMS.absentOrUnknown) {
    const french = absentOrUnknownFr(code);
    if (french !== undefined) return { text: french, lang: FRENCH, level: 'fr', source: 'project' };
  }
  const words = documentWords(value);
  if (words !== undefined) return documentTerm(words, documentLang);
  if (code !== undefined)
    return {
      text: TERM_NOT_GIVEN,
      lang: FRENCH,
      level: 'unnamed',
      codeSystemLabel: codeSystemLabel(value.codeSystem, value.codeSystemName),
    };
  return { text: nullFlavorPhrase(present(value.nullFlavor)), lang: FRENCH, level: 'absent' };
}

/** With the catalogue: French designation, else en-GB, else what the document offers. */
export function catalogueDisplay(
  value: CodedValueDraft,
  lang: string,
  catalogue: TerminologyCatalogue,
): { display: Display; valueSet?: string } {
  const code = present(value.code);
  if (code !== undefined && value.codeSystem !== undefined) {
    const designation = catalogue.designation(value.codeSystem, code);
    if (designation) {
      // A French document's own French term is closer to what its author meant than our English reference.
      const words = documentWords(value);
      if (designation.level === 'en' && words !== undefined && isFrenchLanguage(lang))
        return { display: documentTerm(words, lang), valueSet: designation.valueSet };
      return {
        display: {
          text: designation.text,
          lang: designation.lang,
          level: designation.level,
          source: designation.source,
        },
        valueSet: designation.valueSet,
      };
    }
    return { display: documentDisplay(value, lang) };
  }
  const nullFlavor = present(value.nullFlavor);
  if (code === undefined && nullFlavor !== undefined && documentWords(value) === undefined) {
    const french = catalogue.french(CODE_SYSTEMS.nullFlavor, nullFlavor);
    return { display: { text: nullFlavorPhrase(nullFlavor, french), lang: FRENCH, level: 'absent' } };
  }
  return { display: documentDisplay(value, lang) };
}

/** Completes a freshly built draft with the document's display (the draft object becomes the value). */
export function withDocumentDisplay(value: CodedValueDraft, lang: string): CodedValue {
  const coded = value as CodedValue;
  coded.display = documentDisplay(value, lang);
  return coded;
}
