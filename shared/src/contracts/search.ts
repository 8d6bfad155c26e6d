/**
 * Finding the patient: the form model built from a country's International Search Mask (ISM), the search
 * request, and its validation, shared by the SPA (immediate feedback) and the BFF (authoritative).
 * Mask regexes reach the SPA only after the BFF has checked them (no catastrophic backtracking).
 */
import { z } from 'zod';
import { administrativeGenderSchema, countryCodeSchema, oidSchema } from './contact-point';

/** Longest value accepted in any field, whatever the mask says: bounds the cost of every regex match. */
export const SEARCH_FIELD_MAX_LENGTH = 64;

export const searchFieldSchema = z.object({
  /** Stable key of the field in the form: `id:<domain OID>`, `birthDate`, `gender`, or `text:<name>`. */
  key: z.string().min(1).max(160),
  kind: z.enum(['identifier', 'text', 'birthDate', 'gender']),
  domain: oidSchema.optional(),
  /** French label. */
  label: z.string().min(1).max(200),
  /** The country's own name of the field (e.g. « Número de utente de Saúde »). */
  nationalLabel: z.string().max(200).optional(),
  /** What to type, in the mask's words (English). */
  hint: z.string().max(500).optional(),
  /** The mask's regex (source), matched against the whole value. */
  format: z.string().max(500).optional(),
  mandatory: z.boolean(),
  /** The field of the ClientConnector's patientDemographics its value fills (absent: not sent). */
  demographic: z.enum(['familyName', 'givenName', 'birthDate', 'administrativeGender']).optional(),
});
export type SearchField = z.infer<typeof searchFieldSchema>;

export const searchFormSchema = z.object({
  countryCode: countryCodeSchema,
  countryName: z.string(),
  /** One group for a NORMAL identifier; alternatives to choose from for a CHOICE. */
  identifierGroups: z
    .array(z.object({ label: z.string().max(200), fields: z.array(searchFieldSchema).min(1).max(6) }))
    .min(1)
    .max(6),
  /** Demographics the mask also asks for (text fields, birth date, gender). */
  otherFields: z.array(searchFieldSchema).max(8),
  /** The mask's picture of the ID card, if any (data: URL of an image). */
  cardPicture: z
    .string()
    .regex(/^data:image\/(png|jpeg|gif);base64,[A-Za-z0-9+/]+=*$/)
    .optional(),
});
export type SearchForm = z.infer<typeof searchFormSchema>;

export const patientSearchRequestSchema = z.object({
  countryCode: countryCodeSchema,
  /** Which identifier group was filled (CHOICE masks); 0 otherwise. */
  group: z.number().int().min(0).max(5),
  values: z
    .record(z.string().max(160), z.string().max(SEARCH_FIELD_MAX_LENGTH))
    .refine((v) => Object.keys(v).length <= 16),
});
export type PatientSearchRequest = z.infer<typeof patientSearchRequestSchema>;

/** A candidate the professional confirms: demographics only; the `ref` stands for the national identifier. */
export const patientCandidateSchema = z.object({
  ref: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  countryCode: countryCodeSchema,
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: administrativeGenderSchema.nullable(),
  address: z.string().nullable(),
});
export type PatientCandidate = z.infer<typeof patientCandidateSchema>;

export const patientSearchResponseSchema = z.object({ candidates: z.array(patientCandidateSchema).min(1).max(20) });

/** GET /api/countries (public). */
export const publicCountriesResponseSchema = z.object({
  countries: z.array(
    z.object({ code: countryCodeSchema, name: z.string(), status: z.enum(['live', 'planned', 'unavailable']) }),
  ),
});
export type PublicCountries = z.infer<typeof publicCountriesResponseSchema>;

const GENDERS = new Set(['M', 'F', 'UN']);

/** French validation messages per field key; empty when the input is acceptable. */
export function validateSearch(
  form: SearchForm,
  request: Pick<PatientSearchRequest, 'group' | 'values'>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const group = form.identifierGroups[request.group];
  if (!group) return { group: 'Choisissez un type d’identifiant.' };
  for (const field of [...group.fields, ...form.otherFields]) {
    const value = (request.values[field.key] ?? '').trim();
    if (value === '') {
      if (field.mandatory) errors[field.key] = `${field.label} : ce champ est obligatoire.`;
      continue;
    }
    if (value.length > SEARCH_FIELD_MAX_LENGTH) {
      errors[field.key] = `${field.label} : ${SEARCH_FIELD_MAX_LENGTH} caractères au plus.`;
    } else if (field.kind === 'birthDate' && !isPastIsoDate(value)) {
      errors[field.key] = 'Saisissez une date de naissance valide (jj/mm/aaaa), qui ne soit pas dans le futur.';
    } else if (field.kind === 'gender' && !GENDERS.has(value)) {
      errors[field.key] = 'Choisissez un sexe dans la liste.';
    } else if (field.format && !matchesFormat(field.format, value)) {
      errors[field.key] = `${field.label} n’a pas le format attendu par ce pays.`;
    }
  }
  return errors;
}

export function isPastIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString().startsWith(value) &&
    date.getTime() <= Date.now() &&
    value >= '1880-01-01'
  );
}

/** The mask's regex against the whole value. Only called with masks the BFF has checked and bounded input. */
export function matchesFormat(format: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${format})$`).test(value);
  } catch {
    return false;
  }
}
