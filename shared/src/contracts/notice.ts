/**
 * The Patient Information Notice (DOMAIN.md §7): one data file per official EU language (bff/notices/<lang>.json),
 * the same sections as the French master, rendered at /notice/:lang and printed for the patient to sign.
 */
import { z } from 'zod';

/** The 24 official languages of the European Union (ISO 639-1). */
export const euLanguages = [
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'mt',
  'nl',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
] as const;
export const euLanguageSchema = z.enum(euLanguages);
export type EuLanguage = z.infer<typeof euLanguageSchema>;

/** Section ids, in order; every language file has exactly these. */
export const noticeSectionIds = [
  'myhealth-eu',
  'data-exchanged',
  'controller',
  'consent',
  'rights',
  'contacts',
  'professional-information',
] as const;

const text = z.string().min(1).max(2000);

export const noticeSchema = z.strictObject({
  language: euLanguageSchema,
  /** The language's name in itself (« Português »). */
  languageName: z.string().min(1).max(60),
  /** The language's name in French (« portugais »), for the professional. */
  languageNameFr: z.string().min(1).max(60),
  /** Whether a native speaker has reviewed this translation; false until one has. */
  reviewedByNativeSpeaker: z.boolean(),
  /** For the operator: the state of this translation. */
  reviewNote: z.string().max(500),
  title: text,
  introduction: text,
  sections: z
    .array(
      z.strictObject({
        id: z.enum(noticeSectionIds),
        title: z.string().min(1).max(200),
        paragraphs: z.array(text).min(1).max(8),
        items: z.array(text).max(12).optional(),
      }),
    )
    .length(noticeSectionIds.length),
  signature: z.strictObject({
    heading: z.string().min(1).max(200),
    statement: text,
    patientName: z.string().min(1).max(100),
    date: z.string().min(1).max(60),
    signature: z.string().min(1).max(60),
  }),
});
export type Notice = z.infer<typeof noticeSchema>;

export const noticeSummarySchema = z.object({
  language: euLanguageSchema,
  languageName: z.string(),
  languageNameFr: z.string(),
  reviewedByNativeSpeaker: z.boolean(),
});
export const noticeListSchema = z.object({ notices: z.array(noticeSummarySchema) });
