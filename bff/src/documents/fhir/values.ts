/**
 * FHIR data types of a Patient Summary Bundle → the model's values: CodeableConcepts (the coding of a system the
 * catalogue knows as the code, the others as translations), plain status and intent codes, identifiers,
 * quantities, ranges, ratios, periods and the typed value of an observation. Each coded value leaves the
 * reader with the document's own display; the catalogue replaces it with a French one in translate.ts.
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
import type { z } from 'zod';
import { CODE_SYSTEMS } from '../../terminology/code-systems';
import { withDocumentDisplay, type CodedValueDraft } from '../display';
import { oidOfSystem, type PlainCodeSystem } from './code-systems';
import type {
  FhirCodeableConcept,
  FhirQuantity,
  FhirReference,
  FhirResource,
  FhirValueFields,
  identifierSchema,
  periodSchema,
} from './fhir-schemas';

/** What the readers need to know about where they are. */
export interface FhirContext {
  /** Language of original terms (the Composition's, else the Bundle's). */
  lang: string;
  /** A reference → the resource of the Bundle it points to. */
  resolve: (reference: FhirReference | undefined) => FhirResource | undefined;
}

// -----------------------------------------------------------------------------------------------------------
// Resources

/** A resource checked against the schema of its type; a mismatch throws (its entry then becomes 'other'). */
export function parseResource<S extends z.ZodType>(schema: S, resource: FhirResource): z.infer<S> {
  const parsed = schema.safeParse(resource);
  if (!parsed.success) throw new Error(`invalid ${resource.resourceType}: ${zodIssues(parsed.error)}`);
  return parsed.data;
}

/** A resource's logical id as an entry identifier (FHIR ids are not OIDs: the root only says where it comes from). */
export const entryId = (resource: FhirResource): Identifier | undefined =>
  resource.id === undefined ? undefined : { root: 'urn:fhir', extension: `${resource.resourceType}/${resource.id}` };

export function identifierOf(value: z.infer<typeof identifierSchema> | undefined): Identifier | undefined {
  if (value?.system === undefined && value?.value === undefined) return undefined;
  const root = oidOfSystem(value.system) ?? 'urn:unknown-system';
  return { root, extension: value.value };
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The first issues of a zod error, for a DocumentError detail or an entry reason. */
export function zodIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`)
    .join('; ');
}

// -----------------------------------------------------------------------------------------------------------
// Coded values

export function coded(concept: FhirCodeableConcept | undefined, context: FhirContext): CodedValue | undefined {
  if (!concept) return undefined;
  return codedFromCodings(concept.coding ?? [], concept.text, context);
}

export function requiredCoded(
  concept: FhirCodeableConcept | undefined,
  context: FhirContext,
  fallbackText?: string,
): CodedValue {
  return (
    coded(concept, context) ??
    withDocumentDisplay(
      fallbackText === undefined ? { nullFlavor: 'NI' } : { originalText: fallbackText },
      context.lang,
    )
  );
}

export function codedList(concepts: FhirCodeableConcept[] | undefined, context: FhirContext): CodedValue[] {
  return (concepts ?? []).map((concept) => coded(concept, context)).filter((value) => value !== undefined);
}

/** Codings → one coded value: the first coding of a system the catalogue knows is the code, the others are kept as translations. */
export function codedFromCodings(
  codings: readonly { system?: string; code?: string; display?: string }[],
  text: string | undefined,
  context: FhirContext,
): CodedValue | undefined {
  const usable = codings.filter((coding) => coding.code !== undefined && coding.code.trim() !== '');
  const main = usable.find((coding) => oidOfSystem(coding.system) !== coding.system) ?? usable[0];
  if (!main && text === undefined) return undefined;
  const translations: CodeTranslation[] = usable
    .filter((coding) => coding !== main)
    .map((coding) => ({
      code: coding.code ?? '',
      codeSystem: oidOfSystem(coding.system) ?? '',
      displayName: coding.display,
    }));
  const draft: CodedValueDraft = {
    code: main?.code,
    codeSystem: oidOfSystem(main?.system),
    originalDisplay: main?.display,
    originalText: text,
    translations: translations.length > 0 ? translations : undefined,
  };
  return withDocumentDisplay(draft, context.lang);
}

/**
 * A resource's `status` or `intent`: a plain code in FHIR, under the code system its resource type fixes (a
 * resource type without a known system keeps the bare code, shown « Terme non fourni » with it).
 */
export function resourceCode(
  code: string | undefined,
  system: PlainCodeSystem | undefined,
  context: FhirContext,
): CodedValue | undefined {
  const trimmed = code?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  return withDocumentDisplay({ code: trimmed, codeSystem: system?.oid, codeSystemName: system?.name }, context.lang);
}

export function plainCode(code: string, codeSystem: string, context: FhirContext): CodedValue {
  return withDocumentDisplay({ code, codeSystem, originalDisplay: code }, context.lang);
}

export function snomed(code: string, originalDisplay: string, context: FhirContext): CodedValue {
  return withDocumentDisplay(
    { code, codeSystem: CODE_SYSTEMS.snomed, codeSystemName: 'SNOMED CT', originalDisplay },
    context.lang,
  );
}

export function ucum(unit: string, context: FhirContext): CodedValue {
  return withDocumentDisplay({ code: unit, codeSystem: CODE_SYSTEMS.ucum, codeSystemName: 'UCUM' }, context.lang);
}

// -----------------------------------------------------------------------------------------------------------
// Quantities, periods and observation values

export function quantity(value: FhirQuantity | undefined, context: FhirContext): Quantity | undefined {
  if (!value || (value.value === undefined && value.unit === undefined)) return undefined;
  const isUcum = value.system === undefined || oidOfSystem(value.system) === CODE_SYSTEMS.ucum;
  const unitCode = isUcum ? (value.code ?? value.unit) : undefined;
  const unit =
    unitCode !== undefined
      ? withDocumentDisplay(
          { code: unitCode, codeSystem: CODE_SYSTEMS.ucum, codeSystemName: 'UCUM', originalDisplay: value.unit },
          context.lang,
        )
      : value.unit !== undefined
        ? withDocumentDisplay({ originalText: value.unit }, context.lang)
        : undefined;
  return { value: value.value === undefined ? undefined : String(value.value), unit };
}

export function range(
  value: { low?: FhirQuantity; high?: FhirQuantity } | undefined,
  context: FhirContext,
): Range | undefined {
  if (!value) return undefined;
  const low = quantity(value.low, context);
  const high = quantity(value.high, context);
  return low || high ? { low, high } : undefined;
}

export function ratio(
  value: { numerator?: FhirQuantity; denominator?: FhirQuantity } | undefined,
  context: FhirContext,
): Ratio | undefined {
  if (!value) return undefined;
  const numerator = quantity(value.numerator, context);
  const denominator = quantity(value.denominator, context);
  return numerator || denominator ? { numerator, denominator } : undefined;
}

export function period(value: z.infer<typeof periodSchema> | undefined, dateTime?: string): Period | undefined {
  if (dateTime !== undefined) return { value: dateTime };
  if (!value || (value.start === undefined && value.end === undefined)) return undefined;
  return { start: value.start, end: value.end };
}

export function observationValue(value: FhirValueFields, context: FhirContext): ObservationValue | undefined {
  if (value.valueQuantity) {
    const q = quantity(value.valueQuantity, context);
    return q && { kind: 'quantity', quantity: q };
  }
  if (value.valueCodeableConcept) {
    const c = coded(value.valueCodeableConcept, context);
    return c && { kind: 'coded', coded: c };
  }
  if (value.valueString !== undefined) return { kind: 'text', text: value.valueString };
  if (value.valueBoolean !== undefined) return { kind: 'boolean', value: value.valueBoolean };
  if (value.valueInteger !== undefined) return { kind: 'quantity', quantity: { value: String(value.valueInteger) } };
  if (value.valueRange) {
    const r = range(value.valueRange, context);
    return r && { kind: 'range', range: r };
  }
  if (value.valueRatio) {
    const r = ratio(value.valueRatio, context);
    return r && { kind: 'ratio', ratio: r };
  }
  if (value.valueDateTime !== undefined) return { kind: 'date', date: value.valueDateTime };
  if (value.valuePeriod?.start !== undefined) return { kind: 'date', date: value.valuePeriod.start };
  return undefined;
}
