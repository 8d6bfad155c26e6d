/**
 * The files a simulated member state is made of (mocks/fixtures/<CC>/…, see mocks/README.md). QA engineers write
 * them by hand, so they are validated like any outside input and every problem names its file.
 */
import { z } from 'zod';
import {
  countryCodeSchema,
  oidSchema,
  patientDemographicsSchema,
  patientIdSchema,
  purposeOfUseSchema,
} from '@sesali/shared';

const languageTag = z.string().regex(/^[a-z]{2}-[A-Z]{2}$/, 'a language tag such as pt-PT');

export const countryFixtureSchema = z.strictObject({
  code: countryCodeSchema,
  name: z.string().min(1).max(80),
  nameFr: z.string().min(1).max(80),
  status: z.enum(['live', 'planned']),
  languages: z.array(languageTag).min(1).max(6),
  homeCommunityId: oidSchema,
  purposesOfUse: z.array(purposeOfUseSchema).min(1).max(2),
  /** The whole country answers 5036 (unreachable) while true. */
  down: z.boolean().default(false),
});
export type CountryFixture = z.infer<typeof countryFixtureSchema>;

export const operations = ['patients.query', 'documents.query', 'documents.retrieve'] as const;

export const behaviourSchema = z.strictObject({
  /** Which operation misbehaves; all of them when absent. */
  on: z.enum(operations).optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  httpStatus: z.number().int().min(400).max(599).optional(),
  errorCode: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  /** Pads the retrieved document with an XML comment up to this size, to exercise the size limit. */
  padDocumentToBytes: z
    .number()
    .int()
    .positive()
    .max(64 * 1024 * 1024)
    .optional(),
});
export type Behaviour = z.infer<typeof behaviourSchema>;

export const documentFixtureSchema = z.strictObject({
  id: z.string().min(1).max(128),
  repositoryId: oidSchema,
  classCode: z.enum(['60591-5', '57833-6']),
  format: z.enum(['L3', 'L1', 'FHIR']),
  file: z.string().regex(/^[\w.-]+$/, 'a file name in the patient folder'),
  mimeType: z.enum(['text/xml', 'application/pdf', 'application/fhir+json']),
  title: z.string().max(300),
  creationDate: z.iso.datetime(),
  language: languageTag.optional(),
  description: z.string().max(500).optional(),
  twinOf: z.string().max(128).optional(),
});
export type DocumentFixture = z.infer<typeof documentFixtureSchema>;

export const patientFixtureSchema = z.strictObject({
  description: z.string().max(500).optional(),
  identifiers: z.array(patientIdSchema).min(1).max(6),
  demographics: patientDemographicsSchema.omit({ patientId: true }),
  serviceActivated: z.boolean(),
  documents: z.array(documentFixtureSchema).max(20),
  behaviour: behaviourSchema.optional(),
});
export type PatientFixture = z.infer<typeof patientFixtureSchema>;
