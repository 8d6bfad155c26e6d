/**
 * The display of a coded value: what the clinician reads, never empty. `documentDisplay` is what the
 * document itself offers (its displayName, its original text, or a French phrase for missing data);
 * `catalogueDisplay` puts the terminology catalogue first (fr-FR, then the en-GB reference).
 */
import type { CodedValue, Display } from '@sesali/shared';
import type { TerminologyCatalogue } from '../terminology/catalogue';
import { CODE_SYSTEMS } from '../terminology/code-systems';
import { absentOrUnknownFr, nullFlavorPhrase } from '../terminology/french-labels';

export type CodedValueDraft = Omit<CodedValue, 'display'>;

const FRENCH = 'fr-FR';

/** A string with something in it, else undefined: a blank string is never shown. */
const present = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

/** Without a catalogue: the document's term (« non traduit »), or a French phrase for a missing value. */
export function documentDisplay(value: CodedValueDraft, lang: string): Display {
  const documentLang = present(lang) ?? 'und';
  const code = present(value.code);
  const originalDisplay = present(value.originalDisplay);
  const originalText = present(value.originalText);
  if (code !== undefined) {
    if (value.codeSystem === CODE_SYSTEMS.absentOrUnknown) {
      const french = absentOrUnknownFr(code);
      if (french !== undefined) return { text: french, lang: FRENCH, level: 'fr' };
    }
    return { text: originalDisplay ?? originalText ?? code, lang: documentLang, level: 'original' };
  }
  const nullFlavor = present(value.nullFlavor);
  // OTH: a concept the sending country could not map to the MVC; its own term is the best we have.
  const othTerm = originalText ?? originalDisplay;
  if (nullFlavor === 'OTH' && othTerm !== undefined) return { text: othTerm, lang: documentLang, level: 'original' };
  const original = originalDisplay ?? originalText;
  if (nullFlavor === undefined && original !== undefined)
    return { text: original, lang: documentLang, level: 'original' };
  return { text: nullFlavorPhrase(nullFlavor), lang: FRENCH, level: 'absent' };
}

/** With the catalogue: fr-FR designation, else en-GB, else what the document offers. */
export function catalogueDisplay(
  value: CodedValueDraft,
  lang: string,
  catalogue: TerminologyCatalogue,
): { display: Display; valueSet?: string } {
  const code = present(value.code);
  if (code !== undefined && value.codeSystem !== undefined) {
    const designation = catalogue.designation(value.codeSystem, code);
    if (designation)
      return {
        display: { text: designation.text, lang: designation.lang, level: designation.level },
        valueSet: designation.valueSet,
      };
    return { display: documentDisplay(value, lang) };
  }
  const nullFlavor = present(value.nullFlavor);
  if (code === undefined && nullFlavor !== undefined && nullFlavor !== 'OTH') {
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
