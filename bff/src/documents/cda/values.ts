/**
 * HL7 v3 data types of a CDA document → the model's values: coded values (CD/CE…, with nullFlavor, original
 * text and national translations), dates (TS → ISO 8601), intervals, physical quantities, ratios, and the
 * typed value of an observation. Each coded value leaves the parser with the document's own display; the
 * catalogue replaces it with a French one in translate.ts.
 */
import type {
  CodedValue,
  CodeTranslation,
  Identifier,
  ObservationValue,
  Period,
  Quantity,
  Range,
  Ratio,
} from '@sesali/shared';
import { CODE_SYSTEMS } from '../../terminology/code-systems';
import { withDocumentDisplay, type CodedValueDraft } from '../display';
import { narrativeText, type Narrative } from '../narrative/narrative';
import type { XmlElement } from '../xml/xml-tree';
import { attr, child, children, referenceId, text } from './cda-dom';

/** What the readers need to know about where they are. */
export interface CdaContext {
  /** Language of original terms (the section's, else the document's). */
  lang: string;
  /** The section's narrative, to resolve original-text references. */
  narrative?: Narrative;
}

export function codedValue(element: XmlElement | undefined, context: CdaContext): CodedValue | undefined {
  if (!element) return undefined;
  const code = attr(element, 'code');
  const nullFlavor = attr(element, 'nullFlavor');
  const originalDisplay = attr(element, 'displayName');

  // One pass over the children (this runs for every coded value of the document).
  let originalTextElement: XmlElement | undefined;
  let translations: CodeTranslation[] | undefined;
  for (const node of element.children) {
    if (typeof node === 'string') continue;
    if (node.name === 'originalText') originalTextElement ??= node;
    else if (node.name === 'translation') {
      const translationCode = attr(node, 'code');
      const translationSystem = attr(node, 'codeSystem');
      if (translationCode === undefined || translationSystem === undefined) continue;
      (translations ??= []).push({
        code: translationCode,
        codeSystem: translationSystem,
        codeSystemName: attr(node, 'codeSystemName'),
        displayName: attr(node, 'displayName'),
      });
    }
  }
  const narrativeRef = referenceId(originalTextElement);

  // The document's own words for the concept: inline original text, else the narrative element it points to
  // (where a nullFlavor value often keeps the real content: « anaphylaxie », « Valve homogreffe »), else for an
  // unmapped concept (OTH) the national term its translation carries.
  let originalText = text(originalTextElement);
  if (originalText === undefined && narrativeRef !== undefined) originalText = resolveReference(narrativeRef, context);
  if (originalText === undefined && code === undefined && nullFlavor === 'OTH')
    originalText = translations?.find((t) => t.displayName?.trim())?.displayName;

  if (
    code === undefined &&
    nullFlavor === undefined &&
    originalDisplay === undefined &&
    originalText === undefined &&
    translations === undefined
  )
    return undefined;

  const draft: CodedValueDraft = {
    code,
    codeSystem: attr(element, 'codeSystem'),
    codeSystemName: attr(element, 'codeSystemName'),
    originalDisplay,
    nullFlavor: code === undefined ? nullFlavor : undefined,
    originalText,
    narrativeRef,
    translations,
  };
  return withDocumentDisplay(draft, context.lang);
}

/** A coded value the model requires: when the document has none, an explicit "not given" value. */
export function requiredCodedValue(
  element: XmlElement | undefined,
  context: CdaContext,
  nullFlavor = 'NI',
): CodedValue {
  return codedValue(element, context) ?? withDocumentDisplay({ nullFlavor }, context.lang);
}

export function resolveReference(id: string, context: CdaContext): string | undefined {
  const node = context.narrative?.ids.get(id);
  if (!node) return undefined;
  const value = narrativeText(node);
  return value === '' ? undefined : value;
}

/**
 * A code of a fixed HL7 vocabulary that the document writes without its system (CS data type): the statusCode
 * of an act (ActStatus), its moodCode (ActMood), the classCode of a contact (RoleClass). Undefined when absent.
 */
export function hl7VocabularyCode(
  code: string | undefined,
  codeSystem: string,
  codeSystemName: string,
  context: CdaContext,
): CodedValue | undefined {
  const trimmed = code?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  return withDocumentDisplay({ code: trimmed, codeSystem, codeSystemName }, context.lang);
}

export function ucumUnit(unit: string | undefined, context: CdaContext): CodedValue | undefined {
  if (unit === undefined) return undefined;
  return withDocumentDisplay({ code: unit, codeSystem: CODE_SYSTEMS.ucum, codeSystemName: 'UCUM' }, context.lang);
}

export function quantity(element: XmlElement | undefined, context: CdaContext): Quantity | undefined {
  if (!element) return undefined;
  const value = attr(element, 'value');
  const nullFlavor = attr(element, 'nullFlavor');
  if (value === undefined && nullFlavor === undefined) return undefined;
  return { value, unit: ucumUnit(attr(element, 'unit'), context), nullFlavor };
}

export function range(element: XmlElement | undefined, context: CdaContext): Range | undefined {
  if (!element) return undefined;
  const low = quantity(child(element, 'low'), context);
  const high = quantity(child(element, 'high'), context);
  const center = quantity(child(element, 'center'), context) ?? quantity(element, context);
  if (!low && !high && !center) return undefined;
  return { low: low ?? (high ? undefined : center), high: high ?? (low ? undefined : center) };
}

export function ratio(element: XmlElement | undefined, context: CdaContext): Ratio | undefined {
  if (!element) return undefined;
  const numerator = quantity(child(element, 'numerator'), context);
  const denominator = quantity(child(element, 'denominator'), context);
  if (!numerator && !denominator) return undefined;
  return { numerator, denominator };
}

const TS = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.\d+)?([+-]\d{4}|Z)?$/;

/** HL7 TS ("20150201", "20261002101500+0000") → ISO 8601 at the same precision; other text kept as is. */
export function hl7Date(value: string): string {
  const match = TS.exec(value);
  if (!match) return value;
  const [, year, month, day, hour, minute, second, zone] = match;
  let out = year ?? '';
  if (month === undefined) return out;
  out += `-${month}`;
  if (day === undefined) return out;
  out += `-${day}`;
  if (hour === undefined) return out;
  out += `T${hour}:${minute ?? '00'}`;
  if (second !== undefined) out += `:${second}`;
  if (zone !== undefined) out += zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return out;
}

export function date(element: XmlElement | undefined): string | undefined {
  const value = attr(element, 'value');
  return value === undefined ? undefined : hl7Date(value);
}

/** An effectiveTime (point or interval) → Period; undefined when it carries nothing. */
export function period(element: XmlElement | undefined): Period | undefined {
  if (!element) return undefined;
  const low = child(element, 'low');
  const high = child(element, 'high');
  const value = date(element) ?? date(child(element, 'center'));
  const start = date(low);
  const end = date(high);
  const nullFlavor = attr(element, 'nullFlavor');
  const startNullFlavor = attr(low, 'nullFlavor');
  const endNullFlavor = attr(high, 'nullFlavor');
  if (
    value === undefined &&
    start === undefined &&
    end === undefined &&
    nullFlavor === undefined &&
    startNullFlavor === undefined &&
    endNullFlavor === undefined
  )
    return undefined;
  return { value, start, end, nullFlavor, startNullFlavor, endNullFlavor };
}

/** The start of an effectiveTime: its low, else its single value. */
export const periodStart = (p: Period | undefined): string | undefined => p?.start ?? p?.value;

export function identifier(element: XmlElement | undefined): Identifier | undefined {
  const root = attr(element, 'root');
  if (root === undefined) return undefined;
  return { root, extension: attr(element, 'extension') };
}

export function identifiers(parent: XmlElement | undefined, name = 'id'): Identifier[] {
  const out: Identifier[] = [];
  for (const element of children(parent, name)) {
    const id = identifier(element);
    if (id) out.push(id);
  }
  return out;
}

const CODED_TYPES = new Set(['CD', 'CE', 'CV', 'CO', 'CS', 'PQR']);
const NUMBER_TYPES = new Set(['INT', 'REAL', 'MO']);

/** An observation's `<value>` by its xsi:type. */
export function observationValue(element: XmlElement | undefined, context: CdaContext): ObservationValue | undefined {
  if (!element) return undefined;
  const type = element.xsiType;
  const nullFlavor = attr(element, 'nullFlavor');
  if (type !== undefined && CODED_TYPES.has(type)) return coded(codedValue(element, context));
  if (nullFlavor !== undefined && attr(element, 'value') === undefined && attr(element, 'code') === undefined)
    return coded(codedValue(element, context));
  switch (type ?? '') {
    case 'PQ': {
      const q = quantity(element, context);
      return q && { kind: 'quantity', quantity: q };
    }
    case 'IVL_PQ':
    case 'IVL_INT':
    case 'IVL_REAL': {
      const r = range(element, context);
      return r && { kind: 'range', range: r };
    }
    case 'RTO':
    case 'RTO_PQ_PQ':
    case 'RTO_INT_INT':
    case 'RTO_MO_PQ': {
      const r = ratio(element, context);
      return r && { kind: 'ratio', ratio: r };
    }
    case 'TS': {
      const d = date(element);
      return d === undefined ? undefined : { kind: 'date', date: d };
    }
    case 'IVL_TS': {
      const p = period(element);
      const start = p?.start ?? p?.value;
      if (start !== undefined && p?.end === undefined) return { kind: 'date', date: start };
      const textValue = [start, p?.end].filter((v) => v !== undefined).join(' – ');
      return textValue === '' ? undefined : { kind: 'text', text: textValue };
    }
    case 'BL': {
      const value = attr(element, 'value');
      return value === 'true' || value === 'false' ? { kind: 'boolean', value: value === 'true' } : undefined;
    }
    case 'ST':
    case 'ED':
    case 'SC':
    case 'ANY': {
      const t = text(element);
      return t === undefined ? coded(codedValue(element, context)) : { kind: 'text', text: t };
    }
    default:
      break;
  }
  if (type !== undefined && NUMBER_TYPES.has(type)) {
    const q = quantity(element, context);
    return q && { kind: 'quantity', quantity: q };
  }
  // No (or an unexpected) xsi:type: judge by what is there.
  if (attr(element, 'code') !== undefined || attr(element, 'displayName') !== undefined)
    return coded(codedValue(element, context));
  if (attr(element, 'value') !== undefined) {
    const q = quantity(element, context);
    return q && { kind: 'quantity', quantity: q };
  }
  const t = text(element);
  return t === undefined ? undefined : { kind: 'text', text: t };
}

const coded = (value: CodedValue | undefined): ObservationValue | undefined => value && { kind: 'coded', coded: value };
