/** GET /api/patients/:ref/summary: the translated Patient Summary and what else the country holds. */
import { z } from 'zod';
import { patientSummarySchema } from '../summary/model';

export const summaryResponseSchema = z.object({
  summary: patientSummarySchema,
  source: z.object({
    countryCode: z.string(),
    countryName: z.string(),
    documentTitle: z.string(),
    documentDate: z.string().nullable(),
    /** An L1 PDF twin is available at GET /api/patients/:ref/original. */
    originalPdf: z.boolean(),
  }),
  /**
   * How the BFF made sure the document is about the identified patient: an identifier in common (same root
   * and extension), or — when the document carries none of the patient's identifiers — the family name and
   * the birth date. A document that passes neither is never sent.
   */
  identityCheck: z.object({
    method: z.enum(['identifier', 'nameAndBirthDate']),
    /** The fields compared, for the page to say so. */
    compared: z.array(z.enum(['identifier', 'familyName', 'birthDate'])),
  }),
});
export type SummaryResponse = z.infer<typeof summaryResponseSchema>;
