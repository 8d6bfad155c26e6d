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
});
export type SummaryResponse = z.infer<typeof summaryResponseSchema>;
